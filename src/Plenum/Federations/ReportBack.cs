using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Discussions;

namespace Plenum.Federations;

/// <summary>A delegate reports back on a federation decision: the report opens as a discussion in their own group.</summary>
public sealed class ReportBack(PlenumDb db, DiscussionBoard board)
{
    public async Task<(Groups.Group Group, Discussion Report)> PostAsync(Decision federationDecision, Guid delegateUserId, string text, CancellationToken cancellationToken = default)
    {
        var delegation = await db.Delegations.Include(d => d.MemberGroup)
            .FirstOrDefaultAsync(d => d.FederationId == federationDecision.GroupId && d.UserId == delegateUserId && d.Until == null, cancellationToken)
            ?? throw new DecisionRuleException("Only a current delegate reports back.");
        var federation = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == federationDecision.GroupId, cancellationToken);
        var title = $"Report from {federation.Name}: {federationDecision.Title}";
        var report = await board.StartAsync(delegation.MemberGroup!, delegateUserId, new DiscussionForm
        {
            Title = DecisionText.ShortTitle(title),
            Body = $"{text.Trim()}\n\n(Outcome there: {DecisionText.Result(federationDecision.Result)}.)",
        }, cancellationToken: cancellationToken);
        return (delegation.MemberGroup!, report);
    }
}
