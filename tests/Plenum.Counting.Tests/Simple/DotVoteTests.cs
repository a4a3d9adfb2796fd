using Plenum.Counting.Simple;

namespace Plenum.Counting.Tests.Simple;

public class DotVoteTests
{
    private static SimpleElection<DotBallot> Election(int seats, params DotBallot[] ballots) => new(["A", "B", "C"], seats, ballots);

    private static DotBallot Ballot(params int[] points) => new(points);

    [Fact]
    public void Points_add_up_and_under_allocation_is_fine()
    {
        var result = DotVote.Run(Election(2, Ballot(3, 2, 0), Ballot(0, 1, 4), Ballot(1, 0, 0), new DotBallot([0, 2, 0], 2)), new DotVoteRules(5));
        Assert.Equal(4m, result.Rounds[0].Tallies["A"]);
        Assert.Equal(7m, result.Rounds[0].Tallies["B"]);
        Assert.Equal(4m, result.Rounds[0].Tallies["C"]);
        Assert.Equal("B", result.Winners[0]);
        Assert.Single(result.Ties);
    }

    [Theory]
    [InlineData(new[] { 3, 3, 0 }, null, InvalidBallot.OverAllocated)]
    [InlineData(new[] { 5, 0, 1 }, null, InvalidBallot.OverAllocated)]
    [InlineData(new[] { -1, 3, 0 }, null, InvalidBallot.NegativePoints)]
    [InlineData(new[] { 4, 1, 0 }, 3, InvalidBallot.OverCandidateLimit)]
    public void Invalid_allocations_are_set_aside(int[] points, int? maxPerCandidate, string reason)
    {
        var result = DotVote.Run(Election(1, Ballot(points), Ballot(1, 0, 0)), new DotVoteRules(5, maxPerCandidate));
        Assert.Equal(1m, result.Rounds[0].Inactive[reason]);
        Assert.Equal(["A"], result.Winners);
        Assert.Equal(1m, result.Rounds[0].Tallies["A"]);
    }

    [Fact]
    public void Exactly_the_allowance_is_valid()
    {
        var result = DotVote.Run(Election(1, Ballot(2, 3, 0)), new DotVoteRules(5, 3));
        Assert.Empty(result.Rounds[0].Inactive);
        Assert.Equal(["B"], result.Winners);
    }
}
