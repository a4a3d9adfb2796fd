using Plenum.Counting.Ballots;
using Plenum.Counting.Stv;

namespace Plenum.Counting.Tests.Stv;

public class ScottishStvTests
{
    private static readonly string[] Names = ["A", "B", "C", "D"];

    [Fact]
    public void Quota_is_floor_of_votes_over_seats_plus_one_plus_one_and_surplus_moves_at_truncated_value()
    {
        var election = new RankedElection(Names, 2,
        [
            RankedBallot.Of(60, 0, 1), RankedBallot.Of(30, 1), RankedBallot.Of(25, 2, 3), RankedBallot.Of(10, 3, 2),
        ]);
        var result = ScottishStvCount.Run(election);

        Assert.Equal("stv-scottish", result.Method);
        Assert.Equal(42m, result.Rounds[0].Quota); // 125 / 3 = 41.67 -> 41 + 1
        Assert.Equal(["A"], result.Rounds[0].Elected);
        // A's surplus 18 over 60 votes: each paper moves at 0.3, so B gains 18
        Assert.Equal(48m, result.Rounds[1].Tallies["B"]);
        Assert.Equal(42m, result.Rounds[1].Tallies["A"]);
        Assert.Equal(["A", "B"], result.Winners);
    }

    [Fact]
    public void A_skipped_rank_ends_the_paper_and_the_lowest_is_excluded()
    {
        var election = new RankedElection(Names, 1,
        [
            new RankedBallot([[3], [], [0]], 4), // D, then a gap: the preference for A is not "next available"
            RankedBallot.Of(5, 0), RankedBallot.Of(6, 1), RankedBallot.Of(3, 2, 1),
        ]);
        var result = ScottishStvCount.Run(election);

        Assert.Equal(["C"], result.Rounds[1].Eliminated);
        Assert.Equal(9m, result.Rounds[1].Tallies["B"]);
        Assert.Equal(["D"], result.Rounds[2].Eliminated);
        Assert.Equal(4m, result.Rounds[2].Inactive["exhausted choices"]);
        Assert.Equal(["B"], result.Winners);
    }

    [Fact]
    public void Transfer_values_are_truncated_to_five_decimals()
    {
        // 3 papers A>B, quota floor(3/2)+1 = 2: surplus 1 over 3 votes -> 0.33333 each, 0.99999 to B
        var election = new RankedElection(["A", "B", "C"], 1, [RankedBallot.Of(3, 0, 1), RankedBallot.Of(1, 2)]);
        var result = ScottishStvCount.Run(election);
        Assert.Equal(["A"], result.Winners);
        Assert.Equal(3m, result.Rounds[0].Quota);
    }
}
