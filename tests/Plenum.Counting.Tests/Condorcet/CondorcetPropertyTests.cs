using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Lots;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Condorcet;

public class CondorcetPropertyTests
{
    private static readonly Gen<(RankedElection Election, RankedBallot[] Shuffled)> ElectionAndShuffle =
        from election in ElectionGen.Election()
        from shuffled in Gen.Shuffle(election.Ballots.ToArray())
        select (election, shuffled);

    [Fact]
    public void Permuting_ballots_never_changes_the_result()
    {
        ElectionAndShuffle.Sample((election, shuffled) =>
        {
            var permuted = election with { Ballots = shuffled };
            foreach (var variant in new[] { SchulzeVariant.WinningVotes, SchulzeVariant.Margins })
            {
                var a = Schulze.Run(election, variant, TieBreaking.Lot(7));
                var b = Schulze.Run(permuted, variant, TieBreaking.Lot(7));
                Assert.Equal((string[])a.Details["ranking"], (string[])b.Details["ranking"]);
                Assert.Equal((long[][])a.Details["strongestPaths"], (long[][])b.Details["strongestPaths"]);
            }
            Assert.Equal(
                (string[][])RankedPairs.Run(election, TieBreaking.Lot(7)).Details["lockedPairs"],
                (string[][])RankedPairs.Run(permuted, TieBreaking.Lot(7)).Details["lockedPairs"]);
        });
    }

    [Fact]
    public void A_Condorcet_winner_wins_under_Schulze_and_ranked_pairs()
    {
        ElectionGen.Election(20).Sample(election =>
        {
            var all = Enumerable.Range(0, election.Candidates.Count).ToArray();
            if (PairwiseMatrix.From(election).CondorcetWinner(all) is not { } winner) return;
            var name = election.Candidates[winner];
            Assert.Equal([name], Schulze.Run(election).Winners);
            Assert.Equal([name], Schulze.Run(election, SchulzeVariant.Margins).Winners);
            Assert.Equal([name], RankedPairs.Run(election).Winners);
        }, iter: 500);
    }

    [Fact]
    public void The_Smith_set_holds_every_Schulze_potential_winner_and_the_ranked_pairs_winner()
    {
        ElectionGen.Election(20).Sample(election =>
        {
            var schulze = Schulze.Run(election);
            var smith = (string[])schulze.Details["smithSet"];
            Assert.NotEmpty(smith);
            Assert.All((string[])schulze.Details["potentialWinners"], w => Assert.Contains(w, smith));
            Assert.Contains(RankedPairs.Run(election).Winners[0], smith);
        }, iter: 500);
    }

    [Fact]
    public void Every_Smith_member_beats_every_outsider()
    {
        ElectionGen.Election(20).Sample(election =>
        {
            var d = PairwiseMatrix.From(election);
            var all = Enumerable.Range(0, election.Candidates.Count).ToArray();
            var smith = SmithSet.Of(d, all);
            foreach (var inside in smith)
            foreach (var outside in all.Except(smith))
                Assert.True(d.Beats(inside, outside));
        }, iter: 500);
    }
}
