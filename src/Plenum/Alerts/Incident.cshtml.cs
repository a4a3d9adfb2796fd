using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Alerts.Cap;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// One incident. Verifiers and dispatchers see its reports, photos, possible repeats, verifications, roll-call,
/// recipients and deliveries, and act on it; legal support sees the same once verified, without the reporter's
/// contact. A responder who was paged sees only the alert, its zone and their own answer. Anyone else: 404.
/// </summary>
public sealed class IncidentModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, AlertDesk desk, AlertAnswers answers,
    CheckIns checkIns, RollCallPaging paging, IncidentRecord record, TimeProvider clock) : AlertPageModel(db, users, networks)
{
    public sealed record ReportLine(Report Report, IReadOnlyList<Guid> Photos, string? TakenBy);
    public sealed record VerificationLine(string Pseudonym, Verification Verification);
    public sealed record RecipientLine(string Pseudonym, AlertRecipient Recipient, DeliveryState? State, AlertChannel? Channel, int? Sequence);
    public sealed record MessageLine(AlertMessage Message, bool ToMe);

    [FromRoute] public Guid Id { get; set; }
    public Incident Incident { get; private set; } = null!;
    public string Zone { get; private set; } = "";
    /// <summary>Reports, verifications and recipients; false for a paged responder, who sees only the alert.</summary>
    public bool FullView { get; private set; }
    public AlertRecipient? Mine { get; private set; }
    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];
    public IReadOnlyList<Incident> Repeats { get; private set; } = [];
    public IReadOnlyList<VerificationLine> Verifications { get; private set; } = [];
    public IReadOnlyList<(RollCallNeed Need, int Filled)> Fill { get; private set; } = [];
    public IReadOnlyList<RecipientLine> Recipients { get; private set; } = [];
    public IReadOnlyList<MessageLine> Messages { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public bool IDecided => Verifications.Any(v => v.Verification.UserId == Me!.Id);

    public async Task<IActionResult> OnGetAsync() => await LoadIncidentAsync() ?? Page();

    public Task<IActionResult> OnPostVerifyAsync(bool confirms, VerificationMethod method, string? note, string? headline, string? rollCall) =>
        Act(() => desk.VerifyAsync(Incident, Me!.Id, confirms, method, note, Blank(headline), Blank(rollCall)),
            confirms ? "Your confirmation is recorded." : "Your finding that it is not true is recorded.");

    /// <param name="kind">update, cancel or allclear.</param>
    public Task<IActionResult> OnPostSendAsync(string? kind, string? text, string? outcome) => Act(() =>
    {
        if (!IsDispatcher) throw new AlertRuleException("Only dispatchers send updates.");
        return kind switch
        {
            "update" => desk.SendAsync(Incident, Me!.Id, CapMsgType.Update, text ?? ""),
            "cancel" => desk.SendAsync(Incident, Me!.Id, CapMsgType.Cancel, text ?? "", outcome: outcome),
            "allclear" => desk.SendAsync(Incident, Me!.Id, CapMsgType.Update, text ?? "", allClear: true, outcome: outcome),
            _ => throw new AlertRuleException("Choose an update, a cancellation or the all clear."),
        };
    }, "The message is on its way to everyone told before.");

    /// <summary>Joins this incident's reports to <paramref name="target"/>, the same thing reported earlier or later.</summary>
    public Task<IActionResult> OnPostLinkAsync(Guid target) => ActAsync(async () =>
    {
        if (!IsDesk) throw new AlertRuleException("Only verifiers and dispatchers join reports.");
        if (Incident.State != IncidentState.Reported) throw new AlertRuleException("Only a report still being checked can be joined to another incident.");
        var into = await Db.Incidents.FirstOrDefaultAsync(i => i.Id == target && i.GroupId == Group.Id) ?? throw new AlertRuleException("There is no such incident.");
        foreach (var report in await Db.Reports.Where(r => r.IncidentId == Incident.Id).ToListAsync()) await desk.LinkAsync(report, into);
    }, ShowAgainAsync, AlertLinks.IncidentPath(Slug, target), "The reports are joined to that incident.");

    public Task<IActionResult> OnPostAnswerAsync(AlertAnswer answer) =>
        Act(() => answers.AnswerAsync(Incident.Id, Me!.Id, answer, AlertChannel.Live), answer == AlertAnswer.Going ? "Thank you: the dispatchers see you are going." : "Noted: you can't go.");
    public Task<IActionResult> OnPostOnSiteAsync() => Act(() => checkIns.OnSiteAsync(Incident.Id, Me!.Id), "You are on site: check in before the timer runs out.");
    public Task<IActionResult> OnPostCheckInAsync() => Act(() => checkIns.CheckInAsync(Incident.Id, Me!.Id), "Checked in: the timer starts again.");
    public Task<IActionResult> OnPostLeftAsync() => Act(() => checkIns.LeftAsync(Incident.Id, Me!.Id), "You have left the site. Thank you.");

    Task<IActionResult> Act(Func<Task> action, string notice) => ActAsync(action, ShowAgainAsync, AlertLinks.IncidentPath(Slug, Id), notice);

    protected override Task<IActionResult?> LoadForActionAsync() => LoadIncidentAsync();
    async Task<IActionResult> ShowAgainAsync() => await LoadIncidentAsync() ?? Page();

    public static string Label(VerificationMethod method) => method switch
    {
        VerificationMethod.CalledReporter => "calling the reporter back",
        VerificationMethod.SecondReport => "a second, independent report",
        VerificationMethod.SeenOnSite => "seeing it on site",
        VerificationMethod.Photo => "the photo",
        VerificationMethod.TrustedContact => "a trusted contact",
        _ => "another way",
    };

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    async Task<IActionResult?> LoadIncidentAsync()
    {
        var denied = await LoadAlertsAsync();
        if (denied is not null) return denied;
        var incident = await Db.Incidents.FirstOrDefaultAsync(i => i.Id == Id && i.GroupId == Group.Id);
        if (incident is null) return NotFound();
        Incident = incident;
        Now = clock.GetUtcNow();
        Mine = await Db.AlertRecipients.FirstOrDefaultAsync(r => r.IncidentId == Id && r.UserId == Me!.Id && r.Tier == AlertTier.Responders);
        FullView = IsDesk || IsLegal && incident.State != IncidentState.Reported;
        // Responders never see an unverified report, nor anything of an incident they were not paged for.
        if (!FullView && Mine is null) return NotFound();
        Zone = await Db.AlertZones.Where(z => z.Id == incident.ZoneId).Select(z => z.Name).FirstOrDefaultAsync() ?? "?";
        var myMessages = (await Db.AlertDeliveries.Where(d => d.IncidentId == Id && d.UserId == Me!.Id).Select(d => d.MessageId).ToListAsync()).ToHashSet();
        Messages = (await Db.AlertMessages.Where(m => m.IncidentId == Id).OrderBy(m => m.Sequence).ToListAsync())
            .Where(m => FullView || myMessages.Contains(m.Id) && m.Tier == AlertTier.Responders)
            .Select(m => new MessageLine(m, myMessages.Contains(m.Id))).ToList();
        if (!FullView) return null;

        var names = await NamesAsync();
        var reports = await Db.Reports.Where(r => r.IncidentId == Id).OrderBy(r => r.CreatedAt).ToListAsync();
        var photos = (await Db.ReportPhotos.Where(p => p.IncidentId == Id).Select(p => new { p.Id, p.ReportId }).ToListAsync()).ToLookup(p => p.ReportId, p => p.Id);
        Reports = reports.Select(r => new ReportLine(r, photos[r.Id].ToList(), r.TakenById is { } by ? names.GetValueOrDefault(by) : null)).ToList();
        if (IsDesk) Repeats = await desk.PossibleRepeatsAsync(incident);
        Timeline = await record.TimelineAsync(incident, pseudonyms: true);
        Verifications = (await Db.Verifications.Where(v => v.IncidentId == Id).OrderBy(v => v.At).ToListAsync())
            .Select(v => new VerificationLine(names.GetValueOrDefault(v.UserId, "?"), v)).ToList();
        var recipients = await Db.AlertRecipients.Where(r => r.IncidentId == Id).ToListAsync();
        var going = recipients.Where(r => r.Answer == AlertAnswer.Going).Select(r => r.UserId).ToList();
        var skills = await paging.SkillsAsync(Group.Id, going);
        Fill = RollCall.Fill(RollCall.Parse(incident.RollCall), going.Select(g => skills[g]));
        var latest = (await Db.AlertDeliveries.Where(d => d.IncidentId == Id)
                .Join(Db.AlertMessages, d => d.MessageId, m => m.Id, (d, m) => new { d.UserId, d.State, d.Channel, m.Sequence }).ToListAsync())
            .GroupBy(d => d.UserId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Sequence)!);
        Recipients = recipients.Select(r => latest.GetValueOrDefault(r.UserId) is { } d
                ? new RecipientLine(names.GetValueOrDefault(r.UserId, "?"), r, d.State, d.Channel, d.Sequence)
                : new RecipientLine(names.GetValueOrDefault(r.UserId, "?"), r, null, null, null))
            .OrderBy(r => r.Recipient.Tier).ThenByDescending(r => r.Recipient.MissedCheckInAt is not null).ThenBy(r => r.Recipient.Answer == AlertAnswer.None)
            .ThenBy(r => r.Pseudonym).ToList();
        return null;
    }

    /// <summary>Pseudonyms of everyone who appears on the incident: recipients, verifiers and the dispatchers who took reports.</summary>
    async Task<Dictionary<Guid, string>> NamesAsync()
    {
        var ids = (await Db.AlertRecipients.Where(r => r.IncidentId == Id).Select(r => r.UserId).ToListAsync())
            .Concat(await Db.Verifications.Where(v => v.IncidentId == Id).Select(v => v.UserId).ToListAsync())
            .Concat(await Db.Reports.Where(r => r.IncidentId == Id && r.TakenById != null).Select(r => r.TakenById!.Value).ToListAsync())
            .Distinct().ToList();
        return await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "?");
    }

    /// <summary>Not reached: the recipients whose latest message found no working channel.</summary>
    public IEnumerable<RecipientLine> NotReached => Recipients.Where(r => r.State == DeliveryState.NotReached);
}
