using Plenum.Counting.Lots;
using Plenum.Counting.Simple;

namespace Plenum.Counting.Tests.Simple;

public class ScoreVotingTests
{
    private static readonly ScoreRange ZeroToFive = new(0, 5);

    private static SimpleElection<ScoreBallot> Election(params ScoreBallot[] ballots) => new(["A", "B", "C"], 1, ballots);

    private static ScoreBallot Ballot(long weight, params int?[] scores) => new(scores, weight);

    [Fact]
    public void Sum_counts_unscored_as_the_minimum_and_mean_leaves_it_out()
    {
        var election = Election(Ballot(1, 5, null, 1), Ballot(2, 3, 4, 0), Ballot(1, null, 4, 2));
        var sum = ScoreVoting.Run(election, ZeroToFive);
        Assert.Equal(11m, sum.Rounds[0].Tallies["A"]);
        Assert.Equal(12m, sum.Rounds[0].Tallies["B"]);
        Assert.Equal(["B"], sum.Winners);

        var mean = ScoreVoting.Run(election, ZeroToFive, ScoreVariant.Mean);
        var exact = (Dictionary<string, string>)mean.Details["exactTallies"];
        Assert.Equal("11/3", exact["A"]);
        Assert.Equal("4", exact["B"]);
        Assert.Equal("3/4", exact["C"]);
        Assert.Equal(3.6666666666666666666666666667m, mean.Rounds[0].Tallies["A"]);
        Assert.Equal(["B"], mean.Winners);
    }

    [Fact]
    public void Means_are_compared_exactly()
    {
        // A: 2/3 from three voters, B: 2/3 from six voters: equal, so a tie, not a rounding accident.
        var election = Election(Ballot(1, 2, 2, null), Ballot(2, 0, 0, null), Ballot(1, null, 2, null), Ballot(2, null, 0, null));
        var result = ScoreVoting.Run(election, ZeroToFive, ScoreVariant.Mean, TieBreaking.CandidateOrder);
        var tie = Assert.Single(result.Ties);
        Assert.Equal(["A", "B"], tie.Tied);
        Assert.Equal(["A", "B", "C"], (string[])result.Details["ranking"]);
        Assert.False(result.Rounds[0].Tallies.ContainsKey("C")); // no one scored C
    }

    [Fact]
    public void Out_of_range_and_blank_ballots_are_invalid()
    {
        var election = Election(Ballot(1, 6, 0, 0), Ballot(2, -1, 0, 0), Ballot(3, null, null, null), Ballot(1, 1, 2, 3));
        var result = ScoreVoting.Run(election, ZeroToFive);
        Assert.Equal(3m, result.Rounds[0].Inactive[InvalidBallot.ScoreOutOfRange]);
        Assert.Equal(3m, result.Rounds[0].Inactive[InvalidBallot.Blank]);
        Assert.Equal(["C"], result.Winners);
    }

    [Fact]
    public void Negative_ranges_work()
    {
        var election = Election(Ballot(1, -2, 2, null), Ballot(1, -1, 1, 0));
        var result = ScoreVoting.Run(election, new ScoreRange(-2, 2));
        Assert.Equal(-3m, result.Rounds[0].Tallies["A"]);
        Assert.Equal(-2m, result.Rounds[0].Tallies["C"]); // −2 for unscored, then 0
        Assert.Equal(["B"], result.Winners);
    }

    [Fact]
    public void Malformed_input_is_refused()
    {
        Assert.Throws<CountingException>(() => ScoreVoting.Run(Election(Ballot(1, 1, 2)), ZeroToFive));
        Assert.Throws<CountingException>(() => ScoreVoting.Run(Election(), new ScoreRange(3, 3)));
    }
}
