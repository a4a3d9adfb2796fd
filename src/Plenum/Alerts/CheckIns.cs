using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// Responder safety: "I'm on site" starts a timer; checking in restarts it, "I've left" stops it. A timer
/// that runs out (maybe a detention) alarms the network's dispatchers and legal support on all their channels.
/// </summary>
public sealed class CheckIns(PlenumDb db, AlertNetworks networks, AlertSending sending, AlertDeskUpdates updates, TimeProvider clock)
{
    public async Task<DateTimeOffset> OnSiteAsync(Guid incidentId, Guid userId) => await RestartAsync(incidentId, userId, arriving: true);

    public async Task<DateTimeOffset> CheckInAsync(Guid incidentId, Guid userId) => await RestartAsync(incidentId, userId, arriving: false);

    public async Task LeftAsync(Guid incidentId, Guid userId)
    {
        var recipient = await OnSiteRecipientAsync(incidentId, userId);
        var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        recipient.LeftAt = clock.GetUtcNow();
        recipient.CheckInDueAt = null;
        if (recipient.MissedCheckInAt is not null)
            await sending.ToSomeAsync(incident, AlertTier.Safety, $"Safe: a responder who missed a check-in has left the site ({incident.Headline})",
                await SafetyContactsAsync(incident.GroupId), userId);
        await sending.SaveAndSendAsync();
        updates.Changed(incident.GroupId, incidentId);
    }

    async Task<DateTimeOffset> RestartAsync(Guid incidentId, Guid userId, bool arriving)
    {
        var recipient = arriving
            ? await db.AlertRecipients.FirstOrDefaultAsync(r => r.IncidentId == incidentId && r.UserId == userId && r.Tier == AlertTier.Responders)
              ?? throw new AlertRuleException("This alert was not sent to you.")
            : await OnSiteRecipientAsync(incidentId, userId);
        var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        if (arriving && incident.State != IncidentState.Alerted) throw new AlertRuleException("This incident is not active.");
        var network = await networks.SettingsAsync(incident.GroupId) ?? throw new AlertRuleException("This group runs no alert network.");
        var now = clock.GetUtcNow();
        if (arriving)
        {
            recipient.OnSiteAt ??= now;
            recipient.LeftAt = null;
            if (recipient.Answer != AlertAnswer.Going) { recipient.Answer = AlertAnswer.Going; recipient.AnsweredAt ??= now; incident.FirstAnswerAt ??= now; }
        }
        var wasMissed = recipient.MissedCheckInAt is not null;
        recipient.CheckInDueAt = now.AddMinutes(network.CheckInMinutes);
        recipient.MissedCheckInAt = null;
        if (wasMissed)
            await sending.ToSomeAsync(incident, AlertTier.Safety, $"Checked in after all: a responder is fine ({incident.Headline})",
                await SafetyContactsAsync(incident.GroupId), userId);
        await sending.SaveAndSendAsync();
        updates.Changed(incident.GroupId, incidentId);
        return recipient.CheckInDueAt.Value;
    }

    async Task<AlertRecipient> OnSiteRecipientAsync(Guid incidentId, Guid userId) =>
        await db.AlertRecipients.FirstOrDefaultAsync(r => r.IncidentId == incidentId && r.UserId == userId && r.OnSiteAt != null && r.LeftAt == null)
        ?? throw new AlertRuleException("You are not marked on site for this incident.");

    /// <summary>Alarms the dispatchers and legal support once for every timer that ran out.</summary>
    public async Task RaiseMissedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var missed = await db.AlertRecipients.Where(r => r.CheckInDueAt <= now && r.LeftAt == null && r.MissedCheckInAt == null).ToListAsync(cancellationToken);
        foreach (var recipient in missed)
        {
            var incident = await db.Incidents.SingleAsync(i => i.Id == recipient.IncidentId, cancellationToken);
            var pseudonym = await db.Users.Where(u => u.Id == recipient.UserId).Select(u => u.UserName).SingleAsync(cancellationToken);
            recipient.MissedCheckInAt = now;
            await sending.ToSomeAsync(incident, AlertTier.Safety,
                $"Missed check-in: {pseudonym} went on site at {incident.Headline} and has not checked in since {recipient.CheckInDueAt:HH:mm} UTC. Possible detention: try to reach them, and alert legal support.",
                await SafetyContactsAsync(incident.GroupId), null);
            await sending.SaveAndSendAsync(cancellationToken);
            updates.Changed(incident.GroupId, incident.Id);
        }
    }

    async Task<IReadOnlyList<Guid>> SafetyContactsAsync(Guid groupId) => await networks.WithDutyAsync(groupId, AlertDuty.Dispatcher | AlertDuty.Legal);
}
