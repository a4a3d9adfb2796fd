using Microsoft.EntityFrameworkCore;
using Plenum.Counting.Federations;
using Plenum.Counting.Proposals;
using Plenum.Data;
using Plenum.Decisions;

namespace Plenum.Federations;

/// <summary>Counts a federation proposal by its member groups' positions, each decided under the group's own rulebook.</summary>
public static class FederationCount
{
    public static FederationRule RuleOf(DecisionClass rules)
    {
        var share = rules.Mode switch
        {
            DecisionMode.SimpleMajority => Majority.Simple,
            DecisionMode.QualifiedMajority => Majority.AtLeast(new Fraction(rules.ThresholdNumerator, rules.ThresholdDenominator)),
            // Consensus, consent and unanimity among groups: no member group may be against.
            _ => Majority.AtLeast(new Fraction(1, 1)),
        };
        return new FederationRule
        {
            Counting = rules.MemberVotes == FederationVoting.DoubleMajority ? FederationCounting.DoubleMajority : FederationCounting.GroupVotes,
            Groups = share,
            Individuals = share,
            GroupQuorum = rules.QuorumNumerator == 0 ? null : new Fraction(rules.QuorumNumerator, rules.QuorumDenominator),
            AbstentionsInBase = rules.AbstentionsInBase,
        };
    }

    public static async Task<FederationOutcome> CountAsync(PlenumDb db, Decision decision, DecisionClass rules, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.Where(m => m.GroupId == decision.GroupId && m.MemberGroupId != null)
            .Select(m => new { Id = m.MemberGroupId!.Value, m.MemberGroup!.Name }).ToListAsync(cancellationToken);
        // Every member group may have left while the decision was open: nothing to count, and the closer must not stall on it.
        if (members.Count == 0)
            return new FederationOutcome
            {
                Result = ProposalResult.NoQuorum, GroupsAgree = 0, GroupsDisagree = 0, GroupsAbstain = 0, GroupsWithoutPosition = 0,
                IndividualsAgree = 0, IndividualsDisagree = 0, Explanation = ["The federation had no member groups when voting closed: nothing was counted."],
            };
        var positions = await db.FederationActions.Where(a => a.FederationDecisionId == decision.Id && a.Purpose == FederationPurpose.GroupPosition)
            .Join(db.Decisions, a => a.DecisionId, d => d.Id, (a, d) => d).ToListAsync(cancellationToken);
        var votes = new List<MemberGroupVote>();
        foreach (var member in members)
        {
            var position = positions.FirstOrDefault(p => p.GroupId == member.Id);
            if (position is null) { votes.Add(new MemberGroupVote(member.Name, GroupPosition.None)); continue; }
            var stance = position.Status != DecisionStatus.Closed ? GroupPosition.None : position.Result switch
            {
                ProposalResult.Passed => GroupPosition.Agree,
                ProposalResult.Failed => GroupPosition.Disagree,
                _ => GroupPosition.None,
            };
            var (agree, disagree, abstain) = await IndividualsAsync(db, position, cancellationToken);
            votes.Add(new MemberGroupVote(member.Name, stance, agree, disagree, abstain));
        }
        return FederationTally.Decide(RuleOf(rules), votes);
    }

    /// <summary>The individual votes behind a group's position: its own ballots, or for a member federation those counted below it.</summary>
    static async Task<(long Agree, long Disagree, long Abstain)> IndividualsAsync(PlenumDb db, Decision position, CancellationToken cancellationToken)
    {
        if (position.CountJson is { } json && System.Text.Json.JsonSerializer.Deserialize<FederationOutcome>(json, Counting.Results.ResultJson.Options) is { } below)
            return (below.IndividualsAgree, below.IndividualsDisagree, 0);
        var ballots = position.Secret
            ? await db.SecretBallots.Where(b => b.DecisionId == position.Id).Select(b => new { b.Position, b.Weight }).ToListAsync(cancellationToken)
            : await db.OpenVotes.Where(v => v.DecisionId == position.Id).Select(v => new { v.Position, v.Weight }).ToListAsync(cancellationToken);
        long Sum(params string[] kinds) => ballots.Where(b => kinds.Contains(b.Position)).Sum(b => (long)b.Weight);
        return (Sum(ProposalPositions.Agree), Sum(ProposalPositions.Disagree, ProposalPositions.Block), Sum(ProposalPositions.Abstain, ProposalPositions.StandAside));
    }
}
