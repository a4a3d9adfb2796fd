using Plenum.Counting.Federations;
using Plenum.Counting.Proposals;

namespace Plenum.Counting.Tests.Federations;

public sealed class FederationTallyTests
{
    static MemberGroupVote Group(string name, GroupPosition position, long agree = 0, long disagree = 0, long abstain = 0) =>
        new(name, position, agree, disagree, abstain);

    [Fact]
    public void One_vote_per_group_counts_groups_not_people()
    {
        var outcome = FederationTally.Decide(new FederationRule(), [
            Group("North", GroupPosition.Agree, agree: 3, disagree: 2),
            Group("South", GroupPosition.Agree, agree: 4),
            Group("Harbour", GroupPosition.Disagree, agree: 10, disagree: 90),
        ]);
        Assert.Equal(ProposalResult.Passed, outcome.Result);
        Assert.Equal((2, 1), (outcome.GroupsAgree, outcome.GroupsDisagree));
        Assert.Contains("groups: 2 of 3 agree, more than 1/2 needed → met", outcome.Explanation);
    }

    [Fact]
    public void A_double_majority_needs_the_groups_and_the_people()
    {
        MemberGroupVote[] members = [
            Group("North", GroupPosition.Agree, agree: 3, disagree: 2),
            Group("South", GroupPosition.Agree, agree: 4),
            Group("Harbour", GroupPosition.Disagree, agree: 10, disagree: 90),
        ];
        var outcome = FederationTally.Decide(new FederationRule { Counting = FederationCounting.DoubleMajority }, members);
        Assert.Equal(ProposalResult.Failed, outcome.Result);
        Assert.Contains("individuals: 17 of 109 agree, more than 1/2 needed → not met", outcome.Explanation);
        Assert.Equal("→ fails: a double majority needs both", outcome.Explanation[^1]);

        // Most people, but not most groups: still fails.
        var peopleOnly = FederationTally.Decide(new FederationRule { Counting = FederationCounting.DoubleMajority }, [
            Group("North", GroupPosition.Disagree, agree: 2, disagree: 3),
            Group("South", GroupPosition.Disagree, disagree: 4),
            Group("Harbour", GroupPosition.Agree, agree: 90, disagree: 10),
        ]);
        Assert.Equal(ProposalResult.Failed, peopleOnly.Result);
        Assert.Contains("individuals: 92 of 109 agree, more than 1/2 needed → met", peopleOnly.Explanation);
    }

    [Fact]
    public void Three_levels_pass_positions_and_people_upwards()
    {
        // Affinity groups decide inside a local assembly; the assembly's outcome is its position in the city federation.
        var rule = new FederationRule { Counting = FederationCounting.DoubleMajority };
        var eastside = FederationTally.Decide(rule, [
            Group("Bikes", GroupPosition.Agree, agree: 5),
            Group("Kitchen", GroupPosition.Agree, agree: 3, disagree: 1),
            Group("Print shop", GroupPosition.Disagree, agree: 1, disagree: 4),
        ]);
        Assert.Equal(GroupPosition.Agree, eastside.AsPosition);
        var westside = FederationTally.Decide(rule, [
            Group("Tenants 12", GroupPosition.Disagree, disagree: 6),
            Group("Tenants 14", GroupPosition.Agree, agree: 4, disagree: 3),
        ]);
        Assert.Equal(GroupPosition.Disagree, westside.AsPosition);

        var city = FederationTally.Decide(rule with { Groups = Majority.AtLeast(Fraction.Half) }, [
            Group("Eastside", eastside.AsPosition, eastside.IndividualsAgree, eastside.IndividualsDisagree),
            Group("Westside", westside.AsPosition, westside.IndividualsAgree, westside.IndividualsDisagree),
        ]);
        // 1 of 2 groups is at least half; 13 of 27 people is not more than half.
        Assert.Contains("groups: 1 of 2 agree, at least 1/2 needed → met", city.Explanation);
        Assert.Contains("individuals: 13 of 27 agree, more than 1/2 needed → not met", city.Explanation);
        Assert.Equal(ProposalResult.Failed, city.Result);
    }

    [Fact]
    public void Group_quorum_abstentions_and_groups_without_a_position()
    {
        MemberGroupVote[] members = [
            Group("A", GroupPosition.Agree), Group("B", GroupPosition.Abstain), Group("C", GroupPosition.None), Group("D", GroupPosition.None),
        ];
        var noQuorum = FederationTally.Decide(new FederationRule { GroupQuorum = new Fraction(2, 3) }, members);
        Assert.Equal(ProposalResult.NoQuorum, noQuorum.Result);
        Assert.Contains("quorum: 2 of 4 groups reached a position, 3 needed → not met, no quorum", noQuorum.Explanation);

        Assert.Equal(ProposalResult.Passed, FederationTally.Decide(new FederationRule { GroupQuorum = Fraction.Half }, members).Result);
        Assert.Equal(ProposalResult.Failed, FederationTally.Decide(new FederationRule { AbstentionsInBase = true }, members).Result);
        Assert.Equal(ProposalResult.Passed, FederationTally.Decide(new FederationRule { Groups = Majority.AtLeast(Fraction.Half), AbstentionsInBase = true }, members).Result);
    }

    [Fact]
    public void Qualified_shares_are_exact_and_nonsense_is_refused()
    {
        var twoThirds = new FederationRule { Groups = Majority.AtLeast(Fraction.TwoThirds) };
        MemberGroupVote[] exactlyTwoThirds = [Group("A", GroupPosition.Agree), Group("B", GroupPosition.Agree), Group("C", GroupPosition.Disagree)];
        Assert.Equal(ProposalResult.Passed, FederationTally.Decide(twoThirds, exactlyTwoThirds).Result);
        Assert.Equal(ProposalResult.Failed, FederationTally.Decide(twoThirds with { Groups = new Majority(Fraction.TwoThirds, MoreThan: true) }, exactlyTwoThirds).Result);
        Assert.Throws<CountingException>(() => FederationTally.Decide(new FederationRule(), []));
        Assert.Throws<CountingException>(() => FederationTally.Decide(new FederationRule(), [Group("A", GroupPosition.Agree), Group("A", GroupPosition.Disagree)]));
        Assert.Throws<CountingException>(() => FederationTally.Decide(new FederationRule(), [Group("A", GroupPosition.Agree, agree: -1)]));
        Assert.Equal(ProposalResult.Failed, FederationTally.Decide(new FederationRule(), [Group("A", GroupPosition.None)]).Result);
    }
}
