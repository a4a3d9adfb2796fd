using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Stv;
using static Plenum.Counting.Tests.Properties.RankedGen;

namespace Plenum.Counting.Tests.Properties;

/// <summary>
/// Every count fills its seats with distinct candidates who stood: as many winners as seats (all the
/// candidates standing if there are no more than seats), none withdrawn, each recorded as elected in exactly
/// one round, never after being eliminated; withdrawn candidates never appear in a tally.
/// Elections here may withdraw one candidate.
/// </summary>
public class WellFormedResultTests
{
    private static Gen<(RankedElection Election, T Rules)> With<T>(Func<int, Gen<T>> rules) =>
        from messy in Gen.Bool
        from election in Election(messy)
        from withdraw in Gen.Int[-2, election.Candidates.Count - 1]
        from r in rules(election.Seats)
        select (withdraw < 0 ? election : election with { Withdrawn = new HashSet<int> { withdraw } }, r);

    private static string PrintCase<T>((RankedElection Election, T Rules) c) => $"{Print(c.Election)}\nrules: {c.Rules}";

    private static void WellFormed(RankedElection election, CountResult result)
    {
        var withdrawn = election.WithdrawnCandidates.Select(c => election.Candidates[c]).ToHashSet();
        var standing = election.Candidates.Count - withdrawn.Count;
        var detail = Describe(result);
        Assert.True(result.Winners.Count == Math.Min(election.Seats, standing), $"{result.Winners.Count} winners\n{detail}");
        Assert.True(result.Winners.Distinct().Count() == result.Winners.Count, $"a candidate won twice\n{detail}");
        Assert.DoesNotContain(result.Winners, withdrawn.Contains);
        var eliminated = new HashSet<string>();
        var elected = new HashSet<string>();
        foreach (var round in result.Rounds)
        {
            Assert.DoesNotContain(round.Tallies.Keys, withdrawn.Contains);
            foreach (var w in round.Elected)
            {
                Assert.True(elected.Add(w), $"round {round.Number}: {w} elected again\n{detail}");
                Assert.False(eliminated.Contains(w), $"round {round.Number}: {w} elected after elimination\n{detail}");
            }
            foreach (var e in round.Eliminated)
                Assert.True(eliminated.Add(e) && !elected.Contains(e), $"round {round.Number}: {e} eliminated twice or after election\n{detail}");
        }
        // Meek may elect without counting a round (every hopeful fills a seat), recorded in no round.
        if (result.Rounds.Count > 0) Assert.Equal(result.Winners.Order(), elected.Order());
    }

    /// <summary>
    /// Found by the property below with batch elimination allowed for several seats: a batch took out candidates
    /// the open seats needed (20 A, 5 E, 1 B, 1 C for 4 seats elected only A and E). RCTab refuses batch
    /// elimination with several seats; so does the count now.
    /// </summary>
    [Fact]
    public void Irv_refuses_batch_elimination_with_several_seats()
    {
        var election = Support.LetterBallots.Election("ABCDE", 4, "20 A", "5 E", "1 B", "1 C");
        Assert.Throws<CountingException>(() => IrvCount.Run(election, new IrvRules { BatchElimination = true }));
        Assert.Equal(["A", "E", "B", "C"], IrvCount.Run(election, new IrvRules()).Winners);
    }

    /// <summary>
    /// Found by the IRV property below (5 3 withdrawn C | 1 C, Hare quota): with no active votes the Hare threshold
    /// was 0, which every candidate reached, so all four candidates left won three seats. The threshold is now at
    /// least one unit.
    /// </summary>
    [Fact]
    public void Irv_with_a_Hare_quota_never_elects_more_than_the_seats_when_no_votes_are_active()
    {
        var election = Support.LetterBallots.Election("ABCDE", 3, "1 C") with { Withdrawn = new HashSet<int> { 2 } };
        foreach (var places in new[] { 0, 4 })
            Assert.Equal(3, IrvCount.Run(election, new IrvRules { HareQuota = true, DecimalPlaces = places, NonIntegerThreshold = places > 0 }).Winners.Count);
    }

    /// <summary>
    /// Found by the Meek property below (3 2 withdrawn A, Hare quota, B and C tied at 22): a first round counted
    /// only to report totals defeated a hopeful although the hopefuls just filled the seats, leaving a seat empty.
    /// Smallest case: two candidates, two seats, one blank ballot (no votes, so no one reaches the quota).
    /// </summary>
    [Fact]
    public void Meek_counting_the_first_round_never_defeats_hopefuls_who_fill_the_seats()
    {
        var election = Support.LetterBallots.Election("AB", 2, "1");
        Assert.Equal(["A", "B"], MeekCount.Run(election, new MeekRules { AlwaysCountFirstRound = true }).Winners);
        Assert.Equal(["A", "B"], MeekCount.Run(election, new MeekRules { AlwaysCountFirstRound = false }).Winners);
        var tied = Support.LetterBallots.Election("ABC", 2, "5 B", "5 C") with { Withdrawn = new HashSet<int> { 0 } };
        Assert.Equal(["B", "C"], MeekCount.Run(tied, new MeekRules { Quota = QuotaKind.Hare }).Winners);
    }

    [Fact]
    public void Irv_results_are_well_formed() =>
        With(RulesGen.Irv).Sample((e, r) => WellFormed(e, IrvCount.Run(e, r)), iter: 400, print: PrintCase);

    [Fact]
    public void Wigm_results_are_well_formed() =>
        With(_ => RulesGen.Wigm).Sample((e, r) => WellFormed(e, WigmCount.Run(e, r)), iter: 400, print: PrintCase);

    [Fact]
    public void Meek_results_are_well_formed() =>
        With(_ => RulesGen.Meek).Sample((e, r) => WellFormed(e, MeekCount.Run(e, r)), iter: 300, print: PrintCase);

    [Fact]
    public void Scottish_stv_results_are_well_formed() =>
        With(_ => Gen.Const(0)).Sample((e, _) => WellFormed(e, ScottishStvCount.Run(e)), iter: 400, print: PrintCase);
}
