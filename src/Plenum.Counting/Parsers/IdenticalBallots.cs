using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;

namespace Plenum.Counting.Parsers;

/// <summary>Merges identical ballots into one weighted ballot as they are read.</summary>
internal sealed class IdenticalBallots
{
    private readonly Dictionary<IReadOnlyList<int[]>, long> weights = new(RanksComparer.Instance);

    public void AddRange(IEnumerable<RankedBallot> ballots)
    {
        foreach (var ballot in ballots)
        {
            ref var weight = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(weights, ballot.Ranks, out _);
            weight = checked(weight + ballot.Weight);
        }
    }

    public List<RankedBallot> ToList() => weights.Select(w => new RankedBallot(w.Key, w.Value)).ToList();
}
