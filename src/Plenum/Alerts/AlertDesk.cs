using Microsoft.EntityFrameworkCore;
using Plenum.Alerts.Cap;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>
/// The life of an incident: reports come in and go to the verifiers only; once the network's number of
/// verifiers confirm, responders are paged; updates, cancellation and the all clear go to exactly everyone
/// who was told before.
/// </summary>
public sealed class AlertDesk(PlenumDb db, AlertNetworks networks, AlertSending sending, RollCallPaging paging, AlertDeskUpdates desk,
    FieldEncryption encryption, TimeProvider clock)
{
    /// <summary>Reports of the same zone this recent are offered to verifiers as possibly the same incident.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(6);

    public sealed record Taken(Report Report, Incident Incident, string? FollowSecret);

    /// <summary>
    /// Takes a report: a new incident, or one more report of <paramref name="sameIncidentId"/>. A new incident's
    /// report goes to the verifiers only. With <paramref name="keepFollowLink"/> the reporter gets a link to
    /// follow it (only its keyed hash is stored).
    /// </summary>
    public async Task<Taken> ReportAsync(AlertNetwork network, ReportDraft draft, ReportSource source, Guid? takenBy, Guid? sameIncidentId = null,
        CapStatus mode = CapStatus.Actual, IReadOnlyList<CleanPhoto>? photos = null, bool keepFollowLink = true)
    {
        var now = clock.GetUtcNow();
        var zones = (await networks.ZonesAsync(network.GroupId)).Select(z => z.Id).ToList();
        var problems = draft.Problems(zones, now);
        if (problems.Count > 0) throw new AlertRuleException(string.Join(" ", problems));
        Incident? incident = null;
        if (sameIncidentId is { } existing)
        {
            incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == existing && i.GroupId == network.GroupId)
                ?? throw new AlertRuleException("That incident is not in this network.");
            if (!incident.IsOpen) throw new AlertRuleException("That incident is closed: report this as a new one.");
        }
        var isNew = incident is null;
        incident ??= new Incident
        {
            Id = Guid.NewGuid(), GroupId = network.GroupId, ZoneId = draft.ZoneId, State = IncidentState.Reported, Mode = mode,
            Headline = Headline(draft.What!), CreatedAt = now, Certainty = CapCertainty.Possible,
        };
        if (isNew) db.Incidents.Add(incident);
        string? secret = null;
        var report = new Report
        {
            Id = Guid.NewGuid(), GroupId = network.GroupId, IncidentId = incident.Id, ZoneId = draft.ZoneId, What = draft.What!.Trim(),
            Where = draft.Where!.Trim(), SeenAt = draft.SeenAt ?? now, HowMany = draft.HowMany, Needed = Blank(draft.Needed),
            Source = source, ReplyContact = Blank(draft.ReplyContact), TakenById = takenBy, CreatedAt = now,
        };
        if (keepFollowLink)
        {
            secret = ReportFollowLinks.NewSecret();
            report.FollowHash = ReportFollowLinks.Hash(encryption, secret);
        }
        if (report.ReplyContact is not null || report.FollowHash is not null) report.ContactPurgeAt = now.AddHours(network.ReporterContactHours);
        db.Reports.Add(report);
        foreach (var photo in photos ?? [])
            db.ReportPhotos.Add(new ReportPhoto
            {
                Id = Guid.NewGuid(), ReportId = report.Id, IncidentId = incident.Id, Content = encryption.Encrypt(photo.Jpeg),
                Width = photo.Width, Height = photo.Height, CreatedAt = now,
            });
        if (isNew)
            await sending.PageAsync(incident, AlertTier.Verifiers, CapMsgType.Alert,
                $"New report to verify: {incident.Headline}", await networks.WithDutyAsync(network.GroupId, AlertDuty.Verifier), takenBy);
        await sending.SaveAndSendAsync();
        desk.Changed(network.GroupId, incident.Id);
        return new Taken(report, incident, secret);
    }

    /// <summary>Moves a report that turned out to be about another open incident there; the emptied incident is removed.</summary>
    public async Task LinkAsync(Report report, Incident target)
    {
        if (report.IncidentId == target.Id) return;
        if (!target.IsOpen || target.GroupId != report.GroupId) throw new AlertRuleException("A report can only be joined to an open incident of the same network.");
        var from = report.IncidentId;
        report.IncidentId = target.Id;
        await db.ReportPhotos.Where(p => p.ReportId == report.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.IncidentId, target.Id));
        await db.SaveChangesAsync();
        var source = await db.Incidents.SingleAsync(i => i.Id == from);
        if (source.State == IncidentState.Reported && !await db.Reports.AnyAsync(r => r.IncidentId == from))
        {
            // Its verifiers are told it was joined, then the empty incident goes.
            await sending.ToAllRecipientsAsync(source, CapMsgType.Cancel, $"Joined to an earlier report: {target.Headline}", null);
            source.State = IncidentState.Closed;
            source.ClosedAt = clock.GetUtcNow();
            source.Outcome = $"Same as incident of {target.CreatedAt:u}";
            await sending.SaveAndSendAsync();
        }
        desk.Changed(target.GroupId, target.Id);
    }

    /// <summary>Open incidents of the same zone reported shortly before: maybe the same thing.</summary>
    public async Task<IReadOnlyList<Incident>> PossibleRepeatsAsync(Incident incident)
    {
        var since = incident.CreatedAt - RepeatWindow;
        return await db.Incidents.Where(i => i.GroupId == incident.GroupId && i.ZoneId == incident.ZoneId && i.Id != incident.Id
                && i.Mode == incident.Mode && (i.State == IncidentState.Reported || i.State == IncidentState.Alerted) && i.CreatedAt >= since)
            .OrderByDescending(i => i.CreatedAt).ToListAsync();
    }

    /// <summary>
    /// One verifier's finding. When the network's number of verifiers confirm, responders are paged at once;
    /// when as many find it untrue, it is a false alarm and the verifiers are told. A verifier decides once.
    /// The finding, the change of state and the paging are saved together or not at all: a crash never leaves
    /// an incident verified whose responders were not paged.
    /// </summary>
    public async Task VerifyAsync(Incident incident, Guid verifierId, bool confirms, VerificationMethod method, string? note,
        string? headline = null, string? rollCall = null)
    {
        var network = await networks.SettingsAsync(incident.GroupId) ?? throw new AlertRuleException("This group runs no alert network.");
        if (!(await networks.DutiesAsync(incident.GroupId, verifierId)).HasFlag(AlertDuty.Verifier)) throw new AlertRuleException("Only the network's verifiers verify reports.");
        if (note?.Length > 1000) throw new AlertRuleException("The note can be at most 1000 characters.");
        if (headline is { Length: > 200 }) throw new AlertRuleException("The headline can be at most 200 characters.");
        if (rollCall is not null) RollCall.Parse(rollCall);
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await HoldReportedAsync(incident);
            if (await db.Verifications.AnyAsync(v => v.IncidentId == incident.Id && v.UserId == verifierId)) throw new AlertRuleException("You already gave your finding on this report.");
            db.Verifications.Add(new Verification { IncidentId = incident.Id, UserId = verifierId, Confirms = confirms, Method = method, Note = Blank(note), At = now });
            if (!string.IsNullOrWhiteSpace(headline)) incident.Headline = headline.Trim();
            if (rollCall is not null) incident.RollCall = RollCall.Write(RollCall.Parse(rollCall));
            await db.SaveChangesAsync();

            var findings = await db.Verifications.Where(v => v.IncidentId == incident.Id).GroupBy(v => v.Confirms).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var confirmed = findings.FirstOrDefault(f => f.Key)?.Count ?? 0;
            var refuted = findings.FirstOrDefault(f => !f.Key)?.Count ?? 0;
            if (confirmed >= network.VerificationsNeeded)
            {
                incident.State = IncidentState.Alerted;
                incident.VerifiedAt = now;
                incident.Certainty = confirmed >= 2 ? CapCertainty.Observed : CapCertainty.Likely;
                await PageNextWaveAsync(incident, verifierId, first: true);
            }
            else if (refuted >= network.VerificationsNeeded)
            {
                incident.State = IncidentState.FalseAlarm;
                incident.ClosedAt = now;
                await sending.ToAllRecipientsAsync(incident, CapMsgType.Cancel, $"False alarm, nobody goes: {incident.Headline}", verifierId);
                await sending.SaveAndSendAsync();
            }
            await transaction.CommitAsync();
        }
        sending.SendSaved();
        desk.Changed(incident.GroupId, incident.Id);
    }

    /// <summary>
    /// Writes to the incident's row first, so the transaction holds it (a row lock on PostgreSQL, the write lock on
    /// SQLite): of two verifiers confirming at the same moment, the second waits, then counts the first's finding,
    /// and only one pages the responders. Refuses when the incident has meanwhile left "reported".
    /// </summary>
    async Task HoldReportedAsync(Incident incident)
    {
        var held = await db.Incidents.Where(i => i.Id == incident.Id && i.State == IncidentState.Reported)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.State, x => x.State)) == 1;
        if (held) return;
        await db.Entry(incident).ReloadAsync();
        throw new AlertRuleException("This incident is already " + AlertText.Label(incident.State) + ".");
    }

    async Task PageNextWaveAsync(Incident incident, Guid? by, bool first)
    {
        var (wave, people) = await paging.NextWaveAsync(incident);
        incident.PagingWave = wave;
        incident.WidenedAt = clock.GetUtcNow();
        if (people.Count > 0)
            await sending.PageAsync(incident, AlertTier.Responders, CapMsgType.Alert, AlertBody(incident), people, by, wave);
        if (first)
        {
            // The verifiers and dispatchers told of the report hear it went out.
            var informed = await db.AlertRecipients.Where(r => r.IncidentId == incident.Id && r.Tier == AlertTier.Verifiers).Select(r => r.UserId).ToListAsync();
            await sending.ToSomeAsync(incident, AlertTier.Verifiers, $"Verified; responders alerted: {incident.Headline}", informed, by);
        }
        await sending.SaveAndSendAsync();
    }

    static string AlertBody(Incident incident)
    {
        var needs = RollCall.Parse(incident.RollCall);
        return needs is [{ Skill: RollCallNeed.Anyone }]
            ? incident.Headline
            : $"{incident.Headline} — needed: {string.Join(", ", needs.Select(n => $"{n.Count} {n.Skill}"))}";
    }

    /// <summary>Pages the next wave for every alerted roll-call still not filled after the network's wait.</summary>
    public async Task WidenDueRollCallsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.Incidents.Where(i => i.State == IncidentState.Alerted && !i.Covered && i.PagingWave < RollCallPaging.LastWave)
            .ToListAsync(cancellationToken);
        foreach (var incident in open)
        {
            var network = await networks.SettingsAsync(incident.GroupId);
            if (network is null) continue;
            if (incident.WidenedAt is not { } widenedAt || now < widenedAt.AddSeconds(network.WidenAfterSeconds)) continue;
            if (await paging.IsFilledAsync(incident)) continue;
            await PageNextWaveAsync(incident, null, first: false);
            desk.Changed(incident.GroupId, incident.Id);
        }
    }

    /// <summary>Once the people going fill the roll-call, everyone else paged is told "covered, stand by".</summary>
    public async Task StandDownIfCoveredAsync(Incident incident)
    {
        if (incident.Covered || incident.State != IncidentState.Alerted || !await paging.IsFilledAsync(incident)) return;
        incident.Covered = true;
        var rest = await db.AlertRecipients.Where(r => r.IncidentId == incident.Id && r.Tier == AlertTier.Responders && r.Answer != AlertAnswer.Going)
            .ToListAsync();
        foreach (var person in rest) person.StandBy = true;
        if (rest.Count > 0)
            await sending.ToSomeAsync(incident, AlertTier.Responders, $"Covered, stand by — enough people are going: {incident.Headline}",
                rest.Select(r => r.UserId).ToList(), null);
        await sending.SaveAndSendAsync();
    }

    /// <summary>An update, cancellation or the all clear, to exactly everyone told before. Cancelling or the all clear closes the incident.</summary>
    public async Task SendAsync(Incident incident, Guid by, CapMsgType type, string text, bool allClear = false, string? outcome = null)
    {
        if (!incident.IsOpen) throw new AlertRuleException("This incident is closed.");
        if (string.IsNullOrWhiteSpace(text)) throw new AlertRuleException("Write the message.");
        if (text.Length > 1000) throw new AlertRuleException("A message can be at most 1000 characters.");
        if (type is not (CapMsgType.Update or CapMsgType.Cancel)) throw new AlertRuleException("Only updates and cancellations follow an alert.");
        await sending.ToAllRecipientsAsync(incident, type, text.Trim(), by, allClear);
        if (type == CapMsgType.Cancel || allClear)
        {
            incident.State = incident.State == IncidentState.Reported && type == CapMsgType.Cancel ? IncidentState.FalseAlarm : IncidentState.Closed;
            incident.ClosedAt = clock.GetUtcNow();
            incident.Outcome = Blank(outcome) ?? incident.Outcome;
        }
        await sending.SaveAndSendAsync();
        desk.Changed(incident.GroupId, incident.Id);
    }

    static string Headline(string what)
    {
        var line = what.Trim().Split('\n')[0].Trim();
        return line.Length <= 120 ? line : line[..117] + "…";
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
