using Plenum.Counting.Simple;

namespace Plenum.Counting.Tests.Simple;

public class ApprovalTests
{
    private static SimpleElection<ChoiceBallot> Election(int seats, params ChoiceBallot[] ballots) =>
        new(["A", "B", "C", "D"], seats, ballots);

    [Fact]
    public void Most_approvals_win_top_N()
    {
        var result = Approval.Run(Election(2,
            ChoiceBallot.Of(4, 0, 1), ChoiceBallot.Of(3, 1, 2), ChoiceBallot.Of(2, 3), ChoiceBallot.Of(1, 0, 2, 3)));
        Assert.Equal(["B", "A"], result.Winners);
        Assert.Equal(7m, result.Rounds[0].Tallies["B"]);
        Assert.Equal(5m, result.Rounds[0].Tallies["A"]);
        Assert.Equal(4m, result.Rounds[0].Tallies["C"]);
        Assert.Equal(3m, result.Rounds[0].Tallies["D"]);
    }

    [Theory]
    [InlineData(0, null, 0L, 0L)]
    [InlineData(1, null, 2L, 0L)]   // the blank ballot (weight 2) has too few
    [InlineData(1, 2, 2L, 1L)]      // the ballot with 3 choices (weight 1) has too many
    [InlineData(2, 2, 7L, 1L)]      // only the 2-choice ballots (weight 4) are valid
    [InlineData(3, 3, 11L, 0L)]
    public void Ballots_outside_the_limits_are_invalid(int min, int? max, long tooFew, long tooMany)
    {
        var result = Approval.Run(Election(1,
            ChoiceBallot.Of(4, 0, 1), ChoiceBallot.Of(5, 2), ChoiceBallot.Of(1, 0, 2, 3), ChoiceBallot.Of(2)),
            new ApprovalLimits(min, max));
        var inactive = result.Rounds[0].Inactive;
        Assert.Equal(tooFew, (long)inactive.GetValueOrDefault(InvalidBallot.TooFewChoices));
        Assert.Equal(tooMany, (long)inactive.GetValueOrDefault(InvalidBallot.TooManyChoices));
        Assert.Equal(tooFew + tooMany, result.Details["invalidBallots"]);
    }

    [Fact]
    public void Limits_must_form_a_range()
    {
        Assert.Throws<CountingException>(() => Approval.Run(Election(1), new ApprovalLimits(3, 2)));
    }
}
