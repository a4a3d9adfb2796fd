using Plenum.Counting.Proposals;
using static Plenum.Counting.Tests.Proposals.ProposalCases;

namespace Plenum.Counting.Tests.Proposals;

public class ProposalOutcomeTests
{
    [Fact]
    public void Explains_quorum_base_share_and_threshold()
    {
        var rule = ProposalRule.Qualified(Fraction.TwoThirds) with { Quorum = Quorum.AtLeast(10) };
        var outcome = ProposalTally.Decide(rule, Votes(20, agree: 8, disagree: 3, abstain: 1));
        Assert.Equal(ProposalResult.Passed, outcome.Result);
        Assert.Equal(
        [
            "12 of 20 eligible voted: 8 agree, 3 disagree, 0 block, 0 stand aside, 1 abstain",
            "quorum of 10 met",
            "1 abstaining or standing aside not counted",
            "8 agree of 11 counted = 72.7% ≥ 2/3 → passes",
        ], outcome.Explanation);
        Assert.Equal(12, outcome.VotesCast);
        Assert.Equal(11, outcome.Base);
        Assert.Equal(8, outcome.RequiredAgree);
        Assert.Equal(10, outcome.QuorumRequired);
        Assert.Equal("at least 2/3 of votes cast (abstentions not counted)", outcome.Threshold);
        Assert.Equal(8, outcome.CountsByKind[PositionKind.Agree]);
    }

    [Fact]
    public void Failing_short_of_a_threshold_says_so()
    {
        var outcome = ProposalTally.Decide(ProposalRule.Qualified(Fraction.TwoThirds), Votes(20, agree: 7, disagree: 4));
        Assert.Equal("7 agree of 11 counted = 63.6% < 2/3 → fails", outcome.Explanation[^1]);
        Assert.Equal(8, outcome.RequiredAgree);
    }

    [Fact]
    public void No_quorum_names_the_quorum()
    {
        var rule = ProposalRule.SimpleMajority with { Quorum = Quorum.FractionOf(Fraction.Half) };
        var outcome = ProposalTally.Decide(rule, Votes(21, agree: 10));
        Assert.Equal(ProposalResult.NoQuorum, outcome.Result);
        Assert.Equal("quorum of 11 (1/2 of 21 eligible) not met → no quorum", outcome.Explanation[^1]);
        Assert.Equal(11, outcome.QuorumRequired);
    }

    [Fact]
    public void Simple_majority_needs_more_than_half()
    {
        var outcome = ProposalTally.Decide(ProposalRule.SimpleMajority, Votes(20, agree: 5, disagree: 5));
        Assert.Equal(6, outcome.RequiredAgree);
        Assert.Equal("5 agree of 10 counted = 50.0%, exactly half: a tie", outcome.Explanation[^2]);
        Assert.Equal("a tie fails → fails", outcome.Explanation[^1]);
    }

    [Fact]
    public void Custom_positions_map_to_kinds()
    {
        var votes = new ProposalVotes(10, new Dictionary<string, long>
        {
            ["agree"] = 4,
            ["Reservations"] = 2,
            ["paramount objection"] = 1,
        })
        {
            CustomPositions = [new("reservations", PositionKind.Agree), new("paramount objection", PositionKind.Block)],
        };
        var outcome = ProposalTally.Decide(ProposalRule.Consent, votes);
        Assert.Equal(ProposalResult.Failed, outcome.Result);
        Assert.Equal(6, outcome.CountsByKind[PositionKind.Agree]);
        Assert.Equal(1, outcome.CountsByKind[PositionKind.Block]);
        Assert.Equal(2, outcome.Counts["Reservations"]);
        Assert.Equal("1 block ≥ block limit of 1 → fails", outcome.Explanation[^1]);
    }

    [Fact]
    public void Exact_arithmetic_holds_for_huge_counts()
    {
        // 2/3 of 3·10^18 is exactly 2·10^18: a double could not tell 2·10^18 − 1 from it.
        const long third = 1_000_000_000_000_000_000;
        var rule = ProposalRule.Qualified(Fraction.TwoThirds);
        Assert.Equal(ProposalResult.Passed, ProposalTally.Decide(rule, Votes(3 * third, agree: 2 * third, disagree: third)).Result);
        Assert.Equal(ProposalResult.Failed, ProposalTally.Decide(rule, Votes(3 * third, agree: 2 * third - 1, disagree: third + 1)).Result);
    }

    public static TheoryData<string, ProposalRule, ProposalVotes> Refused => new()
    {
        { "unknown position", ProposalRule.Consent, new ProposalVotes(10, new Dictionary<string, long> { ["maybe"] = 1 }) },
        { "negative count", ProposalRule.Consent, Votes(10, agree: -1) },
        { "more voted than eligible", ProposalRule.Consent, Votes(3, agree: 4) },
        { "more voted than present", ProposalRule.Consent, Votes(10, agree: 4) with { Present = 3 } },
        { "no eligible voters", ProposalRule.Consent, Votes(0) },
        { "qualified without threshold", new ProposalRule { Mode = DecisionMode.QualifiedMajority }, Votes(10, agree: 1) },
        { "threshold above 1", ProposalRule.Qualified(new Fraction(3, 2)), Votes(10, agree: 1) },
        { "threshold 0", ProposalRule.Qualified(new Fraction(0, 2)), Votes(10, agree: 1) },
        { "block limit 0", ProposalRule.Consent with { BlockLimit = 0 }, Votes(10, agree: 1) },
        { "custom name shadows a standard one", ProposalRule.Consent, Votes(10, agree: 1) with { CustomPositions = [new("Block", PositionKind.Agree)] } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Input_that_cannot_be_decided_is_refused(string name, ProposalRule rule, ProposalVotes votes)
    {
        var error = Assert.Throws<CountingException>(() => ProposalTally.Decide(rule, votes));
        Assert.False(string.IsNullOrEmpty(error.Message), name);
    }
}
