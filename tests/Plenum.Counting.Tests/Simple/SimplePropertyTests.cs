using CsCheck;
using Plenum.Counting.Lots;
using Plenum.Counting.Simple;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Simple;

public class SimplePropertyTests
{
    [Fact]
    public void Permuting_ranked_ballots_never_changes_plurality_or_Borda()
    {
        (from election in ElectionGen.Election()
         from shuffled in Gen.Shuffle(election.Ballots.ToArray())
         select (election, shuffled))
            .Sample((election, shuffled) =>
            {
                var permuted = election with { Ballots = shuffled };
                Assert.Equal(Plurality.Run(election).Details["ranking"], Plurality.Run(permuted).Details["ranking"]);
                foreach (var variant in new[] { BordaVariant.Standard, BordaVariant.Dowdall })
                {
                    var a = Borda.Run(election, variant);
                    var b = Borda.Run(permuted, variant);
                    Assert.Equal(a.Details["ranking"], b.Details["ranking"]);
                    Assert.Equal(a.Rounds[0].Tallies, b.Rounds[0].Tallies);
                }
            });
    }

    [Fact]
    public void Permuting_approval_ballots_never_changes_the_result()
    {
        var ballot = from marks in Gen.Bool.Array[4]
                     from weight in Gen.Long[1, 3]
                     select new ChoiceBallot(Enumerable.Range(0, 4).Where(i => marks[i]).ToHashSet(), weight);
        (from ballots in ballot.Array[0, 15]
         from shuffled in Gen.Shuffle(ballots.ToArray())
         select (ballots, shuffled))
            .Sample((ballots, shuffled) =>
            {
                var limits = new ApprovalLimits(1, 3);
                var a = Approval.Run(new SimpleElection<ChoiceBallot>(["A", "B", "C", "D"], 2, ballots), limits, TieBreaking.Lot(3));
                var b = Approval.Run(new SimpleElection<ChoiceBallot>(["A", "B", "C", "D"], 2, shuffled), limits, TieBreaking.Lot(3));
                Assert.Equal(a.Winners, b.Winners);
                Assert.Equal(a.Details["ranking"], b.Details["ranking"]);
            });
    }

    [Fact]
    public void Standard_Borda_equals_the_pairwise_row_sums()
    {
        ElectionGen.Election().Sample(election =>
        {
            var d = Plenum.Counting.Condorcet.PairwiseMatrix.From(election).ToArrays();
            var result = Borda.Run(election);
            for (var c = 0; c < election.Candidates.Count; c++)
                Assert.Equal((decimal)d[c].Sum(), result.Rounds[0].Tallies[election.Candidates[c]]);
        });
    }
}
