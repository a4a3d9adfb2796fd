using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plenum.Alerts.Cap;
using Plenum.Alerts.Channels;
using Plenum.Api;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Alerts;

/// <summary>
/// /api/v1 endpoints of a group's rapid response for its members: verifiers and dispatchers see every incident
/// with its reports; a responder sees only the alerts they were paged for, and answers them.
/// </summary>
public static class AlertsApi
{
    public sealed record IncidentLine(Guid Id, IncidentState State, CapStatus Mode, string Headline, string Zone, string RollCall, bool Covered,
        DateTimeOffset CreatedAt, DateTimeOffset? VerifiedAt, DateTimeOffset? ClosedAt, AlertAnswer? MyAnswer);
    /// <summary>Reports, Verifications and Responders are null unless the caller verifies or dispatches.</summary>
    public sealed record IncidentDto(Guid Id, IncidentState State, CapStatus Mode, string Headline, string Zone, CapUrgency Urgency, CapSeverity Severity,
        CapCertainty Certainty, string RollCall, bool Covered, DateTimeOffset CreatedAt, DateTimeOffset? VerifiedAt, DateTimeOffset? ClosedAt, string? Outcome,
        MeDto? Me, IReadOnlyList<MessageDto> Messages, IReadOnlyList<ReportDto>? Reports, IReadOnlyList<VerificationDto>? Verifications,
        IReadOnlyList<ResponderDto>? Responders);
    /// <summary>The caller's own part: their answer and check-in timer.</summary>
    public sealed record MeDto(AlertTier Tier, AlertAnswer Answer, bool StandBy, DateTimeOffset? OnSiteAt, DateTimeOffset? CheckInDueAt, DateTimeOffset? LeftAt);
    public sealed record MessageDto(Guid Id, int Sequence, string Kind, CapMsgType Type, bool AllClear, string Text, DateTimeOffset SentAt);
    public sealed record ReportDto(Guid Id, string What, string Where, DateTimeOffset SeenAt, int? HowMany, string? Needed, ReportSource Source,
        string? ReplyContact, int Photos, DateTimeOffset CreatedAt);
    public sealed record VerificationDto(string Verifier, bool Confirms, VerificationMethod Method, string? Note, DateTimeOffset At);
    /// <summary>A paged responder as the desk sees them; Reached is false when a message about the incident reached them on none of their channels.</summary>
    public sealed record ResponderDto(string Pseudonym, int Wave, AlertAnswer Answer, bool StandBy, DateTimeOffset? OnSiteAt, DateTimeOffset? CheckInDueAt,
        DateTimeOffset? LeftAt, DateTimeOffset? MissedCheckInAt, bool Reached);

    public sealed record VerifyRequest(bool Confirms, VerificationMethod Method = VerificationMethod.Other, string? Note = null, string? Headline = null, string? RollCall = null);
    public sealed record MessageRequest(CapMsgType Type, string? Text, bool AllClear = false, string? Outcome = null);
    public sealed record AnswerRequest(AlertAnswer Answer);
    public sealed record CheckInDto(DateTimeOffset? CheckInDueAt);

    const int ListLimit = 200;

    public static void MapAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/groups/{slug}/alerts").WithTags("Rapid response");
        alerts.MapGet("/incidents", ListAsync).WithSummary("Incidents of one mode (Actual by default; Exercise for drills), newest first. Verifiers and dispatchers see all, reports still being checked too; a responder only the alerts they were paged for.");
        alerts.MapGet("/incidents/{id:guid}", GetAsync).WithSummary("One incident and its messages. Reports (with the reporter's reply contact), verifications and the paged responders only for verifiers and dispatchers.");
        alerts.MapPost("/incidents/{id:guid}/verifications", VerifyAsync).WithSummary("A verifier's finding, once each, with how they checked (CalledReporter, SecondReport, SeenOnSite, Photo, TrustedContact, Other); may set the headline and the roll-call (\"legal observer:3,interpreter:1\"). When the network's number of verifiers confirm, responders are paged.");
        alerts.MapPost("/incidents/{id:guid}/messages", MessageAsync).WithSummary("A dispatcher's Update or Cancel (AllClear: the incident is over) to exactly everyone told before; Cancel and the all clear close it, with an optional outcome.");
        alerts.MapPost("/incidents/{id:guid}/answer", AnswerAsync).WithSummary("Going or CannotGo, for an alert you were paged for; it also confirms every message before it. An answer through the API counts as one on the live channel.");
        alerts.MapPost("/incidents/{id:guid}/on-site", (string slug, Guid id, [AsParameters] AlertsContext c) =>
            TimerAsync(slug, id, c, (i, u) => c.CheckIns.OnSiteAsync(i, u))).WithSummary("I'm on site: says Going and starts the check-in timer; when it runs out, dispatchers and legal support are alarmed.");
        alerts.MapPost("/incidents/{id:guid}/check-in", (string slug, Guid id, [AsParameters] AlertsContext c) =>
            TimerAsync(slug, id, c, (i, u) => c.CheckIns.CheckInAsync(i, u))).WithSummary("Check in while on site: the timer starts again.");
        alerts.MapPost("/incidents/{id:guid}/left", (string slug, Guid id, [AsParameters] AlertsContext c) =>
            TimerAsync(slug, id, c, async (i, u) => { await c.CheckIns.LeftAsync(i, u); return (DateTimeOffset?)null; })).WithSummary("I've left the site: the check-in timer stops.");
    }

    /// <summary>The services every endpoint needs, in one parameter.</summary>
    public sealed record AlertsContext(PlenumDb Db, AlertNetworks Networks, AlertDesk Desk, AlertAnswers Answers, CheckIns CheckIns, ClaimsPrincipal Principal);

    sealed record Caller(Group Group, Guid UserId, AlertDuty Duties)
    {
        public bool AtDesk => (Duties & (AlertDuty.Verifier | AlertDuty.Dispatcher)) != 0;
    }

    static async Task<Caller?> CallerAsync(string slug, AlertsContext c)
    {
        var userId = Guid.Parse(c.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var group = await c.Db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        if (group is null || await c.Networks.SettingsAsync(group.Id) is null) return null;
        if (!await c.Db.Memberships.AnyAsync(m => m.GroupId == group.Id && m.UserId == userId)) return null;
        return new Caller(group, userId, await c.Networks.DutiesAsync(group.Id, userId));
    }

    /// <summary>The incident if the caller may see it: the desk sees all; a responder only what they were paged for, once verified.</summary>
    static async Task<Incident?> VisibleAsync(Caller caller, Guid id, AlertsContext c)
    {
        var incident = await c.Db.Incidents.FirstOrDefaultAsync(i => i.Id == id && i.GroupId == caller.Group.Id);
        if (incident is null || caller.AtDesk) return incident;
        return incident.State != IncidentState.Reported && await c.Db.AlertRecipients.AnyAsync(r =>
            r.IncidentId == id && r.UserId == caller.UserId && r.Tier == AlertTier.Responders) ? incident : null;
    }

    static async Task<IResult> ListAsync(string slug, CapStatus? mode, [AsParameters] AlertsContext c)
    {
        var caller = await CallerAsync(slug, c);
        if (caller is null) return ApiProblems.NotFound("group with an alert network");
        var shown = mode ?? CapStatus.Actual;
        var incidents = c.Db.Incidents.Where(i => i.GroupId == caller.Group.Id && i.Mode == shown);
        if (!caller.AtDesk)
            incidents = incidents.Where(i => i.State != IncidentState.Reported && c.Db.AlertRecipients.Any(r =>
                r.IncidentId == i.Id && r.UserId == caller.UserId && r.Tier == AlertTier.Responders));
        var list = await incidents.OrderByDescending(i => i.CreatedAt).Take(ListLimit).ToListAsync();
        var ids = list.Select(i => i.Id).ToList();
        var answers = await c.Db.AlertRecipients.Where(r => r.UserId == caller.UserId && ids.Contains(r.IncidentId))
            .ToDictionaryAsync(r => r.IncidentId, r => r.Answer);
        var zones = await ZoneNamesAsync(caller, c);
        return Results.Ok(list.Select(i => new IncidentLine(i.Id, i.State, i.Mode, i.Headline, zones.GetValueOrDefault(i.ZoneId, ""), i.RollCall, i.Covered,
            i.CreatedAt, i.VerifiedAt, i.ClosedAt, answers.TryGetValue(i.Id, out var answer) ? answer : null)));
    }

    static async Task<IResult> GetAsync(string slug, Guid id, [AsParameters] AlertsContext c)
    {
        var caller = await CallerAsync(slug, c);
        var incident = caller is null ? null : await VisibleAsync(caller, id, c);
        return incident is null ? ApiProblems.NotFound("incident") : Results.Ok(await ToDtoAsync(caller!, incident, c));
    }

    static Task<IResult> VerifyAsync(string slug, Guid id, VerifyRequest request, [AsParameters] AlertsContext c) =>
        ActAsync(slug, id, c, AlertDuty.Verifier, "Only the network's verifiers verify reports.", (caller, incident) =>
            c.Desk.VerifyAsync(incident, caller.UserId, request.Confirms, request.Method, request.Note, request.Headline, request.RollCall));

    static Task<IResult> MessageAsync(string slug, Guid id, MessageRequest request, [AsParameters] AlertsContext c) =>
        ActAsync(slug, id, c, AlertDuty.Dispatcher, "Only dispatchers send updates and cancellations.", (caller, incident) =>
            c.Desk.SendAsync(incident, caller.UserId, request.Type, request.Text ?? "", request.AllClear, request.Outcome));

    // AlertChannel has no member for the API: an app on the phone is as immediate as the live page.
    static Task<IResult> AnswerAsync(string slug, Guid id, AnswerRequest request, [AsParameters] AlertsContext c) =>
        ActAsync(slug, id, c, AlertDuty.None, null, (caller, incident) => c.Answers.AnswerAsync(incident.Id, caller.UserId, request.Answer, AlertChannel.Live));

    static async Task<IResult> TimerAsync(string slug, Guid id, AlertsContext c, Func<Guid, Guid, Task<DateTimeOffset>> act) =>
        await TimerAsync(slug, id, c, async (i, u) => (DateTimeOffset?)await act(i, u));

    static async Task<IResult> TimerAsync(string slug, Guid id, AlertsContext c, Func<Guid, Guid, Task<DateTimeOffset?>> act)
    {
        var caller = await CallerAsync(slug, c);
        var incident = caller is null ? null : await VisibleAsync(caller, id, c);
        if (incident is null) return ApiProblems.NotFound("incident");
        try
        {
            return Results.Ok(new CheckInDto(await act(incident.Id, caller!.UserId)));
        }
        catch (AlertRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
    }

    static async Task<IResult> ActAsync(string slug, Guid id, AlertsContext c, AlertDuty needed, string? refusal, Func<Caller, Incident, Task> act)
    {
        var caller = await CallerAsync(slug, c);
        var incident = caller is null ? null : await VisibleAsync(caller, id, c);
        if (incident is null) return ApiProblems.NotFound("incident");
        if (needed != AlertDuty.None && !caller!.Duties.HasFlag(needed)) return ApiProblems.Refused(refusal!, StatusCodes.Status403Forbidden);
        try
        {
            await act(caller!, incident);
        }
        catch (AlertRuleException problem)
        {
            return ApiProblems.Refused(problem.Message, StatusCodes.Status409Conflict);
        }
        await c.Db.Entry(incident).ReloadAsync();
        return Results.Ok(await ToDtoAsync(caller!, incident, c));
    }

    static async Task<IReadOnlyDictionary<Guid, string>> ZoneNamesAsync(Caller caller, AlertsContext c) =>
        (await c.Networks.ZonesAsync(caller.Group.Id)).ToDictionary(z => z.Id, z => z.Name);

    static async Task<IncidentDto> ToDtoAsync(Caller caller, Incident incident, AlertsContext c)
    {
        var db = c.Db;
        var zones = await ZoneNamesAsync(caller, c);
        var me = await db.AlertRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.IncidentId == incident.Id && r.UserId == caller.UserId);
        var messages = db.AlertMessages.AsNoTracking().Where(m => m.IncidentId == incident.Id);
        // A responder reads what was sent to them; the desk reads the whole thread.
        if (!caller.AtDesk) messages = messages.Where(m => db.AlertDeliveries.Any(d => d.MessageId == m.Id && d.UserId == caller.UserId));
        var thread = (await messages.OrderBy(m => m.Sequence).ToListAsync())
            .Select(m => new MessageDto(m.Id, m.Sequence, AlertWording.Kind(m), m.Type, m.AllClear, m.Text, m.SentAt)).ToList();
        IReadOnlyList<ReportDto>? reports = null;
        IReadOnlyList<VerificationDto>? verifications = null;
        IReadOnlyList<ResponderDto>? responders = null;
        if (caller.AtDesk)
        {
            var photos = await db.ReportPhotos.Where(p => p.IncidentId == incident.Id).GroupBy(p => p.ReportId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            reports = (await db.Reports.AsNoTracking().Where(r => r.IncidentId == incident.Id).ToListAsync()).OrderBy(r => r.CreatedAt)
                .Select(r => new ReportDto(r.Id, r.What, r.Where, r.SeenAt, r.HowMany, r.Needed, r.Source, r.ReplyContact, photos.GetValueOrDefault(r.Id), r.CreatedAt))
                .ToList();
            verifications = (await db.Verifications.AsNoTracking().Where(v => v.IncidentId == incident.Id)
                    .Join(db.Users, v => v.UserId, u => u.Id, (v, u) => new { v, u.UserName }).ToListAsync())
                .OrderBy(x => x.v.At).Select(x => new VerificationDto(x.UserName ?? "", x.v.Confirms, x.v.Method, x.v.Note, x.v.At)).ToList();
            var paged = await db.AlertRecipients.AsNoTracking().Where(r => r.IncidentId == incident.Id && r.Tier == AlertTier.Responders)
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u.UserName }).ToListAsync();
            var notReached = (await db.AlertDeliveries.Where(d => d.IncidentId == incident.Id && d.State == DeliveryState.NotReached)
                .Select(d => d.UserId).Distinct().ToListAsync()).ToHashSet();
            responders = paged.OrderBy(x => x.r.Wave).ThenBy(x => x.UserName)
                .Select(x => new ResponderDto(x.UserName ?? "", x.r.Wave, x.r.Answer, x.r.StandBy, x.r.OnSiteAt, x.r.CheckInDueAt, x.r.LeftAt,
                    x.r.MissedCheckInAt, !notReached.Contains(x.r.UserId))).ToList();
        }
        return new IncidentDto(incident.Id, incident.State, incident.Mode, incident.Headline, zones.GetValueOrDefault(incident.ZoneId, ""), incident.Urgency,
            incident.Severity, incident.Certainty, incident.RollCall, incident.Covered, incident.CreatedAt, incident.VerifiedAt, incident.ClosedAt, incident.Outcome,
            me is null ? null : new MeDto(me.Tier, me.Answer, me.StandBy, me.OnSiteAt, me.CheckInDueAt, me.LeftAt),
            thread, reports, verifications, responders);
    }
}
