using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>One line of an incident's timeline.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string What);

/// <summary>
/// What happened in an incident, in order: reports, verifications, messages, answers, arrivals, check-ins and
/// the outcome. For legal support it is exported with people named only by their part ("responder 3"),
/// without the reporters' contacts or photos, so it can be shared with a lawyer without exposing anyone.
/// </summary>
public sealed class IncidentRecord(PlenumDb db)
{
    /// <param name="pseudonyms">Whether to name people by pseudonym (dispatchers' own view) or by part only (the legal export).</param>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Incident incident, bool pseudonyms)
    {
        var reports = await db.Reports.Where(r => r.IncidentId == incident.Id).ToListAsync();
        var photos = await db.ReportPhotos.Where(p => p.IncidentId == incident.Id).GroupBy(p => p.ReportId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var verifications = await db.Verifications.Where(v => v.IncidentId == incident.Id).ToListAsync();
        var messages = await db.AlertMessages.Where(m => m.IncidentId == incident.Id).ToListAsync();
        var deliveries = await db.AlertDeliveries.Where(d => d.IncidentId == incident.Id).GroupBy(d => new { d.MessageId, d.State })
            .Select(g => new { g.Key.MessageId, g.Key.State, Count = g.Count() }).ToListAsync();
        var recipients = await db.AlertRecipients.Where(r => r.IncidentId == incident.Id).ToListAsync();
        var people = new PersonLabels(pseudonyms ? await db.Users.Where(u => verifications.Select(v => v.UserId).Contains(u.Id) || recipients.Select(r => r.UserId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName) : null);

        var entries = new List<TimelineEntry> { new(incident.CreatedAt, $"Incident opened ({incident.Mode})") };
        foreach (var (report, n) in reports.OrderBy(r => r.CreatedAt).Select((r, i) => (r, i + 1)))
            entries.Add(new(report.CreatedAt, $"Report {n} ({Source(report.Source)}): {report.What} — where: {report.Where}; seen {report.SeenAt:yyyy-MM-dd HH:mm} UTC"
                + (report.HowMany is { } many ? $"; about {many} people" : "") + (report.Needed is { } needed ? $"; needed: {needed}" : "")
                + (photos.GetValueOrDefault(report.Id) is > 0 and var count ? $"; {count} photo(s)" : "")));
        foreach (var v in verifications)
            entries.Add(new(v.At, $"{people.Of(v.UserId, "verifier")} {(v.Confirms ? "confirmed" : "found it untrue")} ({Method(v.Method)})" + (v.Note is { } note ? $": {note}" : "")));
        if (incident.VerifiedAt is { } verified) entries.Add(new(verified, "Verified: responders paged"));
        foreach (var m in messages.OrderBy(m => m.Sequence))
        {
            var counts = deliveries.Where(d => d.MessageId == m.Id).ToDictionary(d => d.State, d => d.Count);
            entries.Add(new(m.SentAt, $"{Channels.AlertWording.Kind(m)} #{m.Sequence} to {counts.Values.Sum()} ({counts.GetValueOrDefault(DeliveryState.Received)} received, "
                + $"{counts.GetValueOrDefault(DeliveryState.NotReached)} not reached): {m.Text}"));
        }
        foreach (var r in recipients.Where(r => r.Tier == AlertTier.Responders))
        {
            var who = people.Of(r.UserId, "responder");
            if (r.AnsweredAt is { } answered) entries.Add(new(answered, $"{who} answered: {(r.Answer == AlertAnswer.Going ? "going" : "can't go")}"));
            if (r.OnSiteAt is { } onSite) entries.Add(new(onSite, $"{who} on site"));
            if (r.MissedCheckInAt is { } missed) entries.Add(new(missed, $"{who} missed a check-in: dispatchers and legal support alerted"));
            if (r.LeftAt is { } left) entries.Add(new(left, $"{who} left the site"));
        }
        if (incident.ClosedAt is { } closed) entries.Add(new(closed, $"Closed: {AlertText.Label(incident.State)}" + (incident.Outcome is { } outcome ? $" — {outcome}" : "")));
        return entries.OrderBy(e => e.At).ToList();
    }

    static string Source(ReportSource source) => source switch
    {
        ReportSource.PublicForm => "public form",
        ReportSource.Phone => "taken by phone",
        _ => "API",
    };

    static string Method(VerificationMethod method) => method switch
    {
        VerificationMethod.CalledReporter => "called the reporter",
        VerificationMethod.SecondReport => "a second report",
        VerificationMethod.SeenOnSite => "seen on site",
        VerificationMethod.Photo => "from a photo",
        VerificationMethod.TrustedContact => "a trusted contact",
        _ => "other",
    };

    /// <summary>Names people by pseudonym, or by part and a number that means nothing outside this record.</summary>
    sealed class PersonLabels(IReadOnlyDictionary<Guid, string>? pseudonyms)
    {
        readonly Dictionary<(string, Guid), int> _numbers = [];

        public string Of(Guid userId, string part)
        {
            if (pseudonyms?.GetValueOrDefault(userId) is { } name) return name;
            if (!_numbers.TryGetValue((part, userId), out var n)) _numbers[(part, userId)] = n = _numbers.Keys.Count(k => k.Item1 == part) + 1;
            return $"{char.ToUpperInvariant(part[0])}{part[1..]} {n}";
        }
    }
}
