using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Federations;

/// <summary>
/// What a member group's passed decision does for a federation: seats the delegates it elected,
/// records a mandate, replaces a recalled delegate, or endorses a proposal for the federation's
/// agenda, which opens there once enough groups have endorsed it.
/// </summary>
public sealed class FederationFollowUp(PlenumDb db, DecisionOpening opening, Rulebooks rulebooks, TimeProvider clock, ILogger<FederationFollowUp> log)
{
    /// <summary>Runs inside the closing transaction of a passed decision (the caller saves).</summary>
    public async Task ApplyAsync(Decision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.FederationActions.FirstOrDefaultAsync(a => a.DecisionId == decision.Id, cancellationToken) is not { } action) return;
        if (action.Purpose is FederationPurpose.DelegateElection or FederationPurpose.Recall)
            // The group chose its delegate by its own decision: a role no longer names them.
            await db.RotatingRoles.Where(r => r.GroupId == decision.GroupId && r.DelegatesToFederationId == action.FederationId)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.DelegatesToFederationId, (Guid?)null), cancellationToken);
        switch (action.Purpose)
        {
            case FederationPurpose.DelegateElection:
                var count = decision.CountJson is { } json ? System.Text.Json.JsonSerializer.Deserialize<Counting.Results.CountResult>(json, Counting.Results.ResultJson.Options) : null;
                var winners = count?.Winners ?? [];
                var elected = await db.Memberships.Where(m => m.GroupId == decision.GroupId && m.UserId != null && winners.Contains(m.User!.UserName!))
                    .Select(m => m.UserId!.Value).ToListAsync(cancellationToken);
                await EndTermsAsync(action.FederationId, decision.GroupId, now, cancellationToken);
                foreach (var userId in elected) Seat(action.FederationId, decision.GroupId, userId, DelegateChoice.Election, decision.Id, now);
                break;
            case FederationPurpose.Mandate:
                var federationDecision = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == action.FederationDecisionId, cancellationToken);
                db.Mandates.Add(new Mandate
                {
                    Id = Guid.NewGuid(), FederationDecisionId = federationDecision.Id, MemberGroupId = decision.GroupId, Position = action.MandatePosition,
                    Limits = decision.Text, ExpiresAt = federationDecision.ClosesAt, DecisionId = decision.Id, AdoptedAt = now,
                });
                break;
            case FederationPurpose.Recall:
                await db.Delegations.Where(d => d.Id == action.DelegationId && d.Until == null)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.Until, now), cancellationToken);
                if (action.ReplacementUserId is { } replacement
                    && await db.Memberships.AnyAsync(m => m.GroupId == decision.GroupId && m.UserId == replacement, cancellationToken))
                    Seat(action.FederationId, decision.GroupId, replacement, DelegateChoice.Recall, decision.Id, now);
                break;
            case FederationPurpose.Escalation:
                // A group endorses once: a second passed endorsement adds nothing, and must not stop this decision from closing.
                var escalationId = action.EscalationId!.Value;
                if (!db.Set<Endorsement>().Local.Any(e => e.EscalationId == escalationId && e.GroupId == decision.GroupId)
                    && !await db.Set<Endorsement>().AnyAsync(e => e.EscalationId == escalationId && e.GroupId == decision.GroupId, cancellationToken))
                    db.Set<Endorsement>().Add(new Endorsement { EscalationId = escalationId, GroupId = decision.GroupId, DecisionId = decision.Id, At = now });
                break;
        }
    }

    /// <summary>After the commit: an escalation that now has enough endorsements opens on the federation's agenda.</summary>
    public async Task AfterCloseAsync(Decision decision, CancellationToken cancellationToken)
    {
        var action = await db.FederationActions.AsNoTracking().FirstOrDefaultAsync(a => a.DecisionId == decision.Id && a.Purpose == FederationPurpose.Escalation, cancellationToken);
        if (action?.EscalationId is { } escalationId) await TryOpenAsync(escalationId, cancellationToken);
    }

    /// <summary>
    /// Opens the escalation if it is endorsed enough; a failure (say, a rule of the federation's rulebook
    /// not met yet) leaves it waiting for the next housekeeping run instead of failing the group's decision.
    /// </summary>
    public async Task TryOpenAsync(Guid escalationId, CancellationToken cancellationToken)
    {
        try
        {
            await OpenIfEndorsedAsync(escalationId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            // Only the id: the proposal's words are the members'.
            log.LogWarning(error, "Endorsed proposal {EscalationId} could not open on the federation's agenda; housekeeping tries again", escalationId);
        }
    }

    /// <summary>
    /// Opens the escalated proposal in the federation once the share of member groups its rulebook
    /// asks for have endorsed it. Safe to call again: it opens at most once.
    /// </summary>
    public async Task OpenIfEndorsedAsync(Guid escalationId, CancellationToken cancellationToken = default)
    {
        var escalation = await db.Escalations.Include(e => e.Endorsements).SingleAsync(e => e.Id == escalationId, cancellationToken);
        if (escalation.FederationDecisionId is not null) return;
        var federation = await db.Groups.SingleAsync(g => g.Id == escalation.FederationId, cancellationToken);
        if (await rulebooks.CurrentAsync(federation.Id, cancellationToken) is not { } rulebook || rulebook.Class("general") is not { } general) return;
        var memberGroups = await db.Memberships.Where(m => m.GroupId == federation.Id && m.MemberGroupId != null).Select(m => m.MemberGroupId!.Value).ToListAsync(cancellationToken);
        var endorsing = escalation.Endorsements.Count(e => memberGroups.Contains(e.GroupId));
        var needed = Math.Max(1, (memberGroups.Count * general.EscalationNumerator + general.EscalationDenominator - 1) / general.EscalationDenominator);
        if (endorsing < needed) return;
        var now = clock.GetUtcNow();
        // Opened by the member groups, not by a person: no seniority rule applies, and the endorsing rounds were its discussion.
        var byTheGroups = new Membership { GroupId = federation.Id, Role = GroupRole.Member, JoinedAt = DateTimeOffset.MinValue };
        var decision = await opening.OpenAsync(federation, byTheGroups, new DecisionDraft("general", escalation.Title, escalation.Text, now, general.SecretBallot == SecretBallotRule.Required, null)
        {
            OpenForHours = 24 * 7,
            DiscussionOpenedAt = escalation.CreatedAt,
        }, cancellationToken);
        escalation.FederationDecisionId = decision.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    async Task EndTermsAsync(Guid federationId, Guid memberGroupId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Delegations.Where(d => d.FederationId == federationId && d.MemberGroupId == memberGroupId && d.Until == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Until, now), cancellationToken);

    void Seat(Guid federationId, Guid memberGroupId, Guid userId, DelegateChoice how, Guid decisionId, DateTimeOffset now) =>
        db.Delegations.Add(new Delegation { Id = Guid.NewGuid(), FederationId = federationId, MemberGroupId = memberGroupId, UserId = userId, ChosenBy = how, DecisionId = decisionId, Since = now });
}
