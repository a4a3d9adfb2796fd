using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Stv;
using static Plenum.Counting.Tests.Properties.RankedGen;

namespace Plenum.Counting.Tests.Properties;

/// <summary>
/// With one seat no surplus is ever transferred (the count ends when the seat is filled), so STV moves only
/// whole ballots from eliminated candidates, as IRV does. Under matching options the counts agree.
/// <para>Ballot reading: IRV with <see cref="OvervoteRule.ExhaustImmediately"/>, no skipped-rank limit and repeated
/// candidates passed over (<see cref="IrvRules.ExhaustOnDuplicateCandidate"/> false) reads a ballot as WIGM and Meek
/// do: skipped ranks and repeats are passed over, an overvote (two candidates at a rank, or an unnamed overvote
/// mark) ends the ballot. Meek reads two candidates at one rank as an equal ranking instead, so the Meek comparison
/// keeps one candidate per rank (skips, repeats and unnamed overvote marks remain).</para>
/// <para>Ties: IRV's <see cref="TieBreakRule.CandidateOrder"/> eliminates the tied candidate listed <i>last</i> and
/// elects the one listed first, while WIGM and Meek defeat the tied candidate listed <i>first</i>. With IRV's order the
/// reverse of STV's, every tie goes the same way: the same candidate is eliminated, and when the last two are tied
/// the one IRV elects is the one STV does not defeat. So ties need not be excluded and are not.</para>
/// <para>Round structure: STV ends in the round of the last defeat, electing the one hopeful left in that same
/// round (with its election recorded there); IRV instead elects the leader of the last two. So winners and every
/// round's tallies match, and eliminations match in every round but the last (where STV also records the
/// defeats that close the count).</para>
/// </summary>
public class SingleSeatEquivalenceTests
{
    private static int[] Reversed(int n) => Enumerable.Range(0, n).Reverse().ToArray();

    /// <summary>IRV options under which IRV reads and breaks ties as WIGM and Meek do (see the class summary).</summary>
    private static IrvRules MatchingIrv(int candidates, bool fixedThreshold) => new()
    {
        Overvote = OvervoteRule.ExhaustImmediately,
        MaxSkippedRanks = null,
        ExhaustOnDuplicateCandidate = false,
        BatchElimination = false,
        TieBreak = TieBreakRule.CandidateOrder,
        TieBreakOrder = Reversed(candidates),
        FirstRoundDeterminesThreshold = fixedThreshold,
    };

    private static void SameCount(CountResult irv, CountResult stv, int rounds)
    {
        Assert.Equal(irv.Winners, stv.Winners);
        Assert.Single(irv.Winners);
        for (var i = 0; i < rounds; i++)
        {
            Assert.Equal(Sorted(irv.Rounds[i].Tallies), Sorted(stv.Rounds[i].Tallies));
            if (i < rounds - 1)
            {
                Assert.Equal(irv.Rounds[i].Eliminated, stv.Rounds[i].Eliminated);
                Assert.Empty(stv.Rounds[i].Elected);
            }
        }
    }

    private static decimal InactiveTotal(CountRound round) => round.Inactive.Values.Sum();

    /// <summary>
    /// WIGM's threshold is fixed in round 1 (half the first-round votes, rounded up at its decimals, to be
    /// exceeded); IRV's <see cref="IrvRules.FirstRoundDeterminesThreshold"/> fixes it too (more than half).
    /// With at least one decimal place, half of a whole number of votes is exact, so both elect exactly when a
    /// candidate has more than half the first-round votes, and the leader of the last two wins either way.
    /// The two counts then match round for round, down to the inactive totals (IRV leaves blank ballots out,
    /// WIGM counts them as inactive).
    /// </summary>
    [Fact]
    public void Wigm_with_one_seat_counts_round_for_round_like_IRV_with_a_first_round_threshold() =>
        (from messy in Gen.Bool
         from election in SingleSeat(messy)
         from decimals in Gen.Int[1, 6]
         select (election, decimals))
        .Sample((election, decimals) =>
        {
            var irv = IrvCount.Run(election, MatchingIrv(election.Candidates.Count, fixedThreshold: true));
            var wigm = WigmCount.Run(election, new WigmRules { Decimals = decimals });
            Assert.Equal(irv.Rounds.Count, wigm.Rounds.Count);
            SameCount(irv, wigm, irv.Rounds.Count);
            var blank = (long)irv.Details["blank ballots"];
            for (var i = 0; i < irv.Rounds.Count; i++)
                Assert.Equal(InactiveTotal(irv.Rounds[i]) + blank, InactiveTotal(wigm.Rounds[i]));
        }, iter: 500, print: c => $"{Print(c.Item1)}\nWIGM decimals {c.Item2}");

    /// <summary>
    /// With IRV's usual threshold (a majority of the votes still active, recomputed each round), IRV may elect
    /// earlier than WIGM, whose threshold stays at half the first-round votes while ballots exhaust. That is a
    /// legitimate difference in when, not who: a candidate with a majority of the active votes is never the
    /// lowest, so WIGM keeps eliminating others until it wins. The winner is the same, and the rounds IRV counts
    /// match WIGM's first rounds.
    /// </summary>
    [Fact]
    public void Wigm_with_one_seat_elects_the_IRV_winner() =>
        (from messy in Gen.Bool
         from election in SingleSeat(messy)
         select election)
        .Sample(election =>
        {
            var irv = IrvCount.Run(election, MatchingIrv(election.Candidates.Count, fixedThreshold: false));
            var wigm = WigmCount.Run(election);
            Assert.True(irv.Rounds.Count <= wigm.Rounds.Count);
            SameCount(irv, wigm, irv.Rounds.Count);
        }, iter: 500, print: Print);

    /// <summary>
    /// Meek with one seat: keep factors stay 1 until someone is elected, and the count ends then, so every
    /// ballot counts whole for its first continuing candidate. Meek's quota, active votes ÷ 2 truncated at 9 places
    /// plus 10^-9, is reached exactly by more than half the active votes, which is IRV's recomputed threshold
    /// (half the active votes rounded down, plus 1). With no one elected the total surplus is 0, so Meek's
    /// "within the surplus" ties are exact ties. The counts match round for round.
    /// </summary>
    [Fact]
    public void Meek_with_one_seat_counts_round_for_round_like_IRV() =>
        (from messy in Gen.Bool
         from election in SingleSeat(messy)
         select OneCandidatePerRank(election))
        .Sample(election =>
        {
            var irv = IrvCount.Run(election, MatchingIrv(election.Candidates.Count, fixedThreshold: false));
            var meek = MeekCount.Run(election);
            Assert.Equal(irv.Rounds.Count, meek.Rounds.Count);
            SameCount(irv, meek, irv.Rounds.Count);
        }, iter: 400, print: Print);

    /// <summary>
    /// Scottish STV with one seat against IRV set up the Scottish way: a skipped rank ends the ballot
    /// (<see cref="IrvRules.MaxSkippedRanks"/> 0, as "next available preference ... in consecutive order"), the quota
    /// is fixed at stage 1 (half the valid votes rounded down, plus 1, to be reached: IRV's integer threshold with
    /// <see cref="IrvRules.FirstRoundDeterminesThreshold"/>), and ties go to the votes at the latest earlier stage where
    /// the tied candidates differed (<see cref="TieBreakRule.PreviousRoundCountsThenRandom"/>). The one legitimate
    /// difference: candidates equal at every stage are settled by lot, IRV's seeded draw against Scottish STV's
    /// tie-break order, so counts where IRV drew lots are skipped. Otherwise they match round for round (stage 1 is
    /// round 1, each exclusion a stage), and IRV's inactive ballots of round 1 plus its blank ballots are exactly
    /// the ballots Scottish STV rejects.
    /// <para>Reporting differs legitimately: Scottish STV records an exclusion with the stage that transfers the
    /// excluded candidate's papers (IRV with the round that decided it, one earlier), and when the last two are left
    /// without a quota it excludes the lower in one more stage, where IRV elects the leader of the two.</para>
    /// </summary>
    [Fact]
    public void Scottish_stv_with_one_seat_counts_round_for_round_like_IRV_with_Scottish_options() =>
        (from messy in Gen.Bool
         from election in SingleSeat(messy)
         select election)
        .Sample(election =>
        {
            var rules = new IrvRules
            {
                Overvote = OvervoteRule.ExhaustImmediately,
                MaxSkippedRanks = 0,
                ExhaustOnDuplicateCandidate = false,
                TieBreak = TieBreakRule.PreviousRoundCountsThenRandom,
                FirstRoundDeterminesThreshold = true,
            };
            var irv = IrvCount.Run(election, rules);
            if (irv.Ties.Any(t => t.Seed is not null)) return;
            var scottish = ScottishStvCount.Run(election);
            Assert.Equal(irv.Winners, scottish.Winners);
            var last = irv.Rounds[^1];
            var reachedQuota = last.Tallies[irv.Winners[0]] >= last.Quota;
            Assert.Equal(irv.Rounds.Count + (reachedQuota ? 0 : 1), scottish.Rounds.Count);
            for (var i = 0; i < irv.Rounds.Count; i++)
            {
                Assert.Equal(Sorted(irv.Rounds[i].Tallies), Sorted(scottish.Rounds[i].Tallies));
                // Scottish STV's last stage also lists the candidates left over once the seat is filled.
                if (i < irv.Rounds.Count - 1)
                    Assert.Equal(irv.Rounds[i].Eliminated, scottish.Rounds[i + 1].Eliminated.Take(irv.Rounds[i].Eliminated.Count));
            }
            Assert.Equal(InactiveTotal(irv.Rounds[0]) + (long)irv.Details["blank ballots"], (decimal)scottish.Details["rejected"]);
        }, iter: 500, print: Print);

    /// <summary>Keeps the first candidate of each rank marked for several (Meek would read them as equal rankings).</summary>
    private static RankedElection OneCandidatePerRank(RankedElection election) => election with
    {
        Ballots = election.Ballots
            .Select(b => b with { Ranks = b.Ranks.Select(r => r.Length > 1 ? new[] { r[0] } : r).ToArray() })
            .ToArray(),
    };
}
