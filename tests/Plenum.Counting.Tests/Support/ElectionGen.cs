using CsCheck;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Tests.Support;

/// <summary>Random small ranked elections: 2–5 candidates, truncated ballots, equal rankings, weights 1–3.</summary>
public static class ElectionGen
{
    public static Gen<RankedBallot> Ballot(int candidates) =>
        from keys in Gen.Int[0, 1000].Array[candidates]
        from ranked in Gen.Int[0, candidates]
        from sameAsPrevious in Gen.Bool.Array[candidates]
        from weight in Gen.Long[1, 3]
        select Build(keys, ranked, sameAsPrevious, weight);

    public static Gen<RankedElection> Election(int maxBallots = 12) =>
        from n in Gen.Int[2, 5]
        from ballots in Ballot(n).Array[0, maxBallots]
        select new RankedElection(Enumerable.Range(0, n).Select(i => ((char)('A' + i)).ToString()).ToArray(), 1, ballots);

    private static RankedBallot Build(int[] keys, int ranked, bool[] sameAsPrevious, long weight)
    {
        var order = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).Take(ranked).ToArray();
        var ranks = new List<List<int>>();
        for (var i = 0; i < order.Length; i++)
        {
            if (i > 0 && sameAsPrevious[i]) ranks[^1].Add(order[i]);
            else ranks.Add([order[i]]);
        }
        return new RankedBallot(ranks.Select(r => r.ToArray()).ToArray(), weight);
    }
}
