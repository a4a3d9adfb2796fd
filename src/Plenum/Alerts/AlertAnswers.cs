using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>A paged person's answer, from whichever channel: going, or can't. An answer is also the receipt of every message before it.</summary>
public sealed class AlertAnswers(PlenumDb db, AlertDesk desk, AlertReceipts receipts, AlertDeskUpdates updates, TimeProvider clock)
{
    public async Task AnswerAsync(Guid incidentId, Guid userId, AlertAnswer answer, AlertChannel channel)
    {
        if (answer == AlertAnswer.None) throw new AlertRuleException("Answer going or can't go.");
        var recipient = await db.AlertRecipients.FirstOrDefaultAsync(r => r.IncidentId == incidentId && r.UserId == userId)
            ?? throw new AlertRuleException("This alert was not sent to you.");
        var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        if (!incident.IsOpen) throw new AlertRuleException("This incident is over: " + AlertText.Label(incident.State) + ".");
        if (recipient.Tier != AlertTier.Responders) throw new AlertRuleException("This report is still being checked: there is nothing to answer yet.");
        var now = clock.GetUtcNow();
        recipient.Answer = answer;
        recipient.AnsweredAt = now;
        recipient.AnsweredOn = channel;
        incident.FirstAnswerAt ??= now;
        await db.SaveChangesAsync();
        await receipts.AllReceivedAsync(incidentId, userId, channel);
        if (answer == AlertAnswer.Going) await desk.StandDownIfCoveredAsync(incident);
        updates.Changed(incident.GroupId, incidentId);
    }
}
