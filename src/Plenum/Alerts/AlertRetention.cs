using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>A reporter's way to reply and their follow link go after the network's few hours (48 unless it sets otherwise).</summary>
public sealed class ReporterContactPurge : RetentionRule
{
    public override string Kind => "how to reach people who reported an emergency";
    public override string WhatIsKept => "If a reporter gives one, a way to reply to them (encrypted), and the keyed hash of their follow link. Nothing else about a reporter is kept.";
    public override TimeSpan KeptFor => TimeSpan.FromHours(48);
    public override string AfterwardsIt => "deleted, counted from the report (each network may set another number of hours)";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Reports.Where(r => r.ContactPurgeAt < now).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.ReplyContact, (string?)null).SetProperty(x => x.FollowHash, (string?)null)
            .SetProperty(x => x.ContactPurgeAt, (DateTimeOffset?)null), cancellationToken);
}

/// <summary>A closed incident's whole record (reports, photos, verifications, messages, answers) goes after the network's days (90 unless set otherwise).</summary>
public sealed class IncidentRetention : RetentionRule
{
    public override string Kind => "rapid response incidents";
    public override string WhatIsKept => "An incident's reports and photos (metadata stripped, encrypted), verifications, alerts, who was paged, their answers, arrivals and check-ins, and its outcome.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(90);
    public override string AfterwardsIt => "deleted, counted from when the incident closed (each network may set another number of days)";

    public override async Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var network in await db.AlertNetworks.Select(n => new { n.GroupId, n.IncidentRetentionDays }).ToListAsync(cancellationToken))
        {
            var cutoff = now.AddDays(-network.IncidentRetentionDays);
            var expired = await db.Incidents.Where(i => i.GroupId == network.GroupId && (i.State == IncidentState.Closed || i.State == IncidentState.FalseAlarm)
                && i.ClosedAt < cutoff).Select(i => i.Id).ToListAsync(cancellationToken);
            if (expired.Count == 0) continue;
            // Deliveries hang off messages and photos off reports; deleting them first keeps this one pass on every database.
            await db.AlertDeliveries.Where(d => expired.Contains(d.IncidentId)).ExecuteDeleteAsync(cancellationToken);
            await db.ReportPhotos.Where(p => expired.Contains(p.IncidentId)).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.Incidents.Where(i => expired.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        return deleted;
    }
}
