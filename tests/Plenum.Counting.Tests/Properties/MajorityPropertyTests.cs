using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Stv;
using static Plenum.Counting.Tests.Properties.RankedGen;

namespace Plenum.Counting.Tests.Properties;

/// <summary>
/// A candidate ranked first on more than half of the ballots that rank anyone wins a single-seat count,
/// in round 1. Elections are plain ballots (no overvotes or skips, so every non-blank ballot is a valid
/// first preference) with a block of ballots added for one candidate, sized for a bare majority up to a few
/// votes more.
/// </summary>
public class MajorityPropertyTests
{
    private static readonly Gen<(RankedElection Election, int Favourite)> WithMajority =
        from election in SingleSeat()
        from favourite in Gen.Int[0, election.Candidates.Count - 1]
        from keys in Gen.Int[0, 1000].Array[election.Candidates.Count]
        from length in Gen.Int[1, election.Candidates.Count]
        from extra in Gen.Int[0, 3]
        select (AddMajority(election, favourite, keys, length, extra), favourite);

    private static RankedElection AddMajority(RankedElection election, int favourite, int[] keys, int length, int extra)
    {
        long valid = 0, first = 0;
        foreach (var b in election.Ballots.Where(b => b.Ranks.Count > 0))
        {
            valid += b.Weight;
            if (b.Ranks[0][0] == favourite) first += b.Weight;
        }
        // favourite has first + w of valid + w: a strict majority once w > valid - 2 * first
        var weight = Math.Max(0, valid - 2 * first + 1) + extra;
        if (weight == 0) return election;
        var rest = Enumerable.Range(0, keys.Length).Where(c => c != favourite).OrderBy(c => keys[c]).Take(length - 1);
        return election with { Ballots = [.. election.Ballots, RankedBallot.Of(weight, [favourite, .. rest])] };
    }

    private static void ElectedInRoundOne(CountResult result, string name)
    {
        Assert.Equal([name], result.Winners);
        Assert.Contains(name, result.Rounds[0].Elected);
    }

    /// <summary>
    /// Any IRV options except a Hare threshold, which for one seat is every vote (a majority need not reach it).
    /// A non-integer threshold is half the votes plus one unit at most 0.5, still met by any whole-vote majority.
    /// </summary>
    [Fact]
    public void A_first_preference_majority_wins_IRV_in_round_one() =>
        (from c in WithMajority
         from rules in RulesGen.Irv(1)
         select (c.Election, c.Favourite, rules with { HareQuota = false }))
        .Sample((election, favourite, rules) =>
        {
            var name = election.Candidates[favourite];
            var result = IrvCount.Run(election, rules);
            ElectedInRoundOne(result, name);
            if (!rules.ContinueUntilTwoCandidatesRemain) Assert.Single(result.Rounds);
        }, iter: 400, print: c => $"{Print(c.Item1)}\nfavourite {c.Item2}, rules: {c.Item3}");

    [Fact]
    public void A_first_preference_majority_wins_single_seat_STV_in_round_one() =>
        WithMajority.Sample((election, favourite) =>
        {
            var name = election.Candidates[favourite];
            ElectedInRoundOne(WigmCount.Run(election), name);
            ElectedInRoundOne(MeekCount.Run(election), name);
            ElectedInRoundOne(ScottishStvCount.Run(election), name);
        }, iter: 300, print: c => $"{Print(c.Item1)}\nfavourite {c.Item2}");
}
