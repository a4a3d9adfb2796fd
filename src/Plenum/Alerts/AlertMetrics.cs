using Microsoft.EntityFrameworkCore;
using Plenum.Alerts.Cap;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>How a network's alerting performs, for real incidents or for drills (never both together).</summary>
public sealed record AlertFigures(int Incidents, int Alerted, int FalseAlarms, TimeSpan? MedianTimeToVerify, TimeSpan? MedianTimeToFirstAnswer,
    int SaidGoing, int NoShows, int NotReached)
{
    /// <summary>Of the reports that were decided either way, the share found untrue.</summary>
    public double? FalseAlarmRate => Alerted + FalseAlarms == 0 ? null : (double)FalseAlarms / (Alerted + FalseAlarms);
}

public sealed class AlertMetrics(PlenumDb db)
{
    /// <param name="since">Incidents opened from then on.</param>
    public async Task<AlertFigures> FiguresAsync(Guid groupId, CapStatus mode, DateTimeOffset since)
    {
        var incidents = await db.Incidents.Where(i => i.GroupId == groupId && i.Mode == mode && i.CreatedAt >= since).ToListAsync();
        var ids = incidents.Select(i => i.Id).ToList();
        var alerted = incidents.Where(i => i.VerifiedAt is not null).ToList();
        var recipients = await db.AlertRecipients.Where(r => ids.Contains(r.IncidentId) && r.Tier == AlertTier.Responders).ToListAsync();
        var closed = incidents.Where(i => i.State == IncidentState.Closed).Select(i => i.Id).ToHashSet();
        return new AlertFigures(
            incidents.Count, alerted.Count, incidents.Count(i => i.State == IncidentState.FalseAlarm),
            Median(alerted.Select(i => i.VerifiedAt!.Value - i.CreatedAt)),
            Median(alerted.Where(i => i.FirstAnswerAt is not null).Select(i => i.FirstAnswerAt!.Value - i.VerifiedAt!.Value)),
            recipients.Count(r => r.Answer == AlertAnswer.Going),
            // Said "going" to an incident now closed, and never arrived.
            recipients.Count(r => r.Answer == AlertAnswer.Going && r.OnSiteAt is null && closed.Contains(r.IncidentId)),
            await db.AlertDeliveries.CountAsync(d => ids.Contains(d.IncidentId) && d.State == DeliveryState.NotReached));
    }

    static TimeSpan? Median(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
