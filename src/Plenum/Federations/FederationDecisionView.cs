using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Federations;

/// <summary>What a decision page shows about federations: what a group's decision does upwards, or for a federation decision the member groups' positions and whether delegates kept their mandates.</summary>
public sealed record FederationDecisionView(
    string? Settles,
    IReadOnlyList<(string Group, string Slug, Decision? Position)> MemberPositions,
    IReadOnlyDictionary<Guid, string> MandateNotes,
    Delegation? MyDelegation)
{
    public static async Task<FederationDecisionView?> LoadAsync(PlenumDb db, Decision decision, Group group, Guid userId, CancellationToken cancellationToken = default)
    {
        var action = await db.FederationActions.AsNoTracking().FirstOrDefaultAsync(a => a.DecisionId == decision.Id, cancellationToken);
        if (group.Kind != GroupKind.Federation && action is null) return null;
        string? settles = null;
        if (action is not null)
        {
            var federation = await db.Groups.AsNoTracking().Where(g => g.Id == action.FederationId).Select(g => new { g.Name, g.Slug }).SingleAsync(cancellationToken);
            settles = action.Purpose switch
            {
                FederationPurpose.GroupPosition => $"This is the group's one vote in {federation.Name}: if it passes, the group agrees there; otherwise it disagrees.",
                FederationPurpose.DelegateElection => $"The people elected become the group's delegates to {federation.Name}, replacing the current ones.",
                FederationPurpose.Mandate => $"If it passes, this binds the group's delegate in {federation.Name}.",
                FederationPurpose.Recall => $"If it passes, the delegate no longer speaks for the group in {federation.Name}.",
                _ => $"If it passes, the group puts (or endorses) this proposal for the agenda of {federation.Name}.",
            };
        }
        List<(string, string, Decision?)> positions = [];
        var notes = new Dictionary<Guid, string>();
        Delegation? mine = null;
        if (group.Kind == GroupKind.Federation)
        {
            var linked = await db.FederationActions.Where(a => a.FederationDecisionId == decision.Id && a.Purpose == FederationPurpose.GroupPosition)
                .Join(db.Decisions, a => a.DecisionId, d => d.Id, (a, d) => d).ToListAsync(cancellationToken);
            if (linked.Count > 0)
            {
                var members = await db.Memberships.Where(m => m.GroupId == group.Id && m.MemberGroupId != null).Select(m => m.MemberGroup!).OrderBy(g => g.Name).ToListAsync(cancellationToken);
                positions = [.. members.Select(m => (m.Name, m.Slug, linked.FirstOrDefault(d => d.GroupId == m.Id)))];
            }
            var delegates = await db.Delegations.Where(d => d.FederationId == group.Id && d.Until == null).ToListAsync(cancellationToken);
            mine = delegates.FirstOrDefault(d => d.UserId == userId);
            var mandates = await db.Mandates.Where(m => m.FederationDecisionId == decision.Id).ToListAsync(cancellationToken);
            var votes = await db.OpenVotes.Where(v => v.DecisionId == decision.Id).Select(v => new { v.UserId, v.Position }).ToListAsync(cancellationToken);
            foreach (var vote in votes)
            {
                var delegation = delegates.FirstOrDefault(d => d.UserId == vote.UserId);
                var mandate = mandates.Where(m => m.MemberGroupId == delegation?.MemberGroupId).OrderByDescending(m => m.AdoptedAt).FirstOrDefault();
                if (mandate is null) continue;
                notes[vote.UserId] = mandate.Position is null || mandate.Position == vote.Position
                    ? "kept the group's mandate"
                    : $"against the group's mandate ({mandate.Position})";
            }
        }
        return new FederationDecisionView(settles, positions, notes, mine);
    }
}
