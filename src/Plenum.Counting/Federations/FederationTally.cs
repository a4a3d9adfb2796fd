using Plenum.Counting.Proposals;

namespace Plenum.Counting.Federations;

/// <summary>
/// Decides a federation proposal from its member groups' positions, each reached first under the
/// group's own rulebook. Works at any depth: a member that is itself a federation passes on the
/// position (<see cref="FederationOutcome.AsPosition"/>) and individual votes of its own count.
/// </summary>
public static class FederationTally
{
    public static FederationOutcome Decide(FederationRule rule, IReadOnlyList<MemberGroupVote> members)
    {
        if (members.Count == 0) throw new CountingException("a federation decision needs at least one member group");
        if (members.Select(m => m.Group).Distinct().Count() != members.Count) throw new CountingException("each member group votes once");
        if (members.Any(m => m.Agree < 0 || m.Disagree < 0 || m.Abstain < 0)) throw new CountingException("individual counts cannot be negative");
        rule.GroupQuorum?.Check("group quorum");

        int Count(GroupPosition p) => members.Count(m => m.Position == p);
        var (agree, disagree, abstain, none) = (Count(GroupPosition.Agree), Count(GroupPosition.Disagree), Count(GroupPosition.Abstain), Count(GroupPosition.None));
        var individualsAgree = members.Sum(m => m.Agree);
        var individualsDisagree = members.Sum(m => m.Disagree);
        var lines = new List<string>
        {
            $"{members.Count} member groups: {agree} agree, {disagree} disagree, {abstain} abstain, {none} reached no position",
        };
        var outcome = new FederationOutcome
        {
            Result = ProposalResult.Failed, GroupsAgree = agree, GroupsDisagree = disagree, GroupsAbstain = abstain, GroupsWithoutPosition = none,
            IndividualsAgree = individualsAgree, IndividualsDisagree = individualsDisagree, Explanation = lines,
        };

        if (rule.GroupQuorum is { } quorum)
        {
            var needed = quorum.LeastPartOf(members.Count);
            var met = members.Count - none >= needed;
            lines.Add($"quorum: {members.Count - none} of {members.Count} groups reached a position, {needed} needed → {(met ? "met" : "not met, no quorum")}");
            if (!met) return outcome with { Result = ProposalResult.NoQuorum };
        }

        var groupBase = agree + disagree + (rule.AbstentionsInBase ? abstain : 0);
        var groupsPass = rule.Groups.IsMetBy(agree, groupBase);
        lines.Add($"groups: {agree} of {groupBase} agree, {rule.Groups} needed → {(groupsPass ? "met" : "not met")}");
        var passes = groupsPass;
        if (rule.Counting == FederationCounting.DoubleMajority)
        {
            var individualBase = individualsAgree + individualsDisagree;
            var individualsPass = rule.Individuals.IsMetBy(individualsAgree, individualBase);
            lines.Add($"individuals: {individualsAgree} of {individualBase} agree, {rule.Individuals} needed → {(individualsPass ? "met" : "not met")}");
            passes &= individualsPass;
        }
        lines.Add(passes ? "→ passes" : rule.Counting == FederationCounting.DoubleMajority ? "→ fails: a double majority needs both" : "→ fails");
        return outcome with { Result = passes ? ProposalResult.Passed : ProposalResult.Failed };
    }
}
