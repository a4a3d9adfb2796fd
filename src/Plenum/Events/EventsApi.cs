using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plenum.Api;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Events;

/// <summary>/api/v1 endpoints for a group's events: list, make, read with the next dates, and answer for a date.</summary>
public static class EventsApi
{
    const int DatesShown = 10;

    public sealed record EventDto(Guid Id, EventKind Kind, string Title, string? Description, string? Location, string? OnlineLink,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, int? Capacity, Repeat Repeat, DateOnly? Until, int? Count,
        string? RRule, bool Cancelled, int Sequence, IReadOnlyList<DateDto>? Dates);
    /// <summary>One date: answers counted, and the caller's own (null when none).</summary>
    public sealed record DateDto(DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Going, int Maybe, int Waiting, RsvpAnswer? Mine);
    /// <summary>Start and End are wall-clock times without offset (2026-03-22T19:00) in TimeZone, an IANA name or UTC.</summary>
    public sealed record CreateRequest(string Title, DateTime? Start, DateTime? End, string TimeZone, EventKind Kind = EventKind.Meeting,
        string? Description = null, string? Location = null, string? OnlineLink = null, int? Capacity = null,
        Repeat Repeat = Repeat.Never, DateOnly? Until = null, int? Count = null);
    /// <summary>Date: the day of the occurrence in the event's zone; may be left out for a one-off.</summary>
    public sealed record RsvpRequest(RsvpAnswer Answer, DateOnly? Date = null);
    public sealed record RsvpResult(DateOnly Date, RsvpAnswer Answer);

    public static void MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/groups/{slug}/events").WithTags("Events");
        events.MapGet("/", ListAsync).WithSummary("A group's events that are not over yet, soonest first (members only).");
        events.MapPost("/", CreateAsync).WithSummary("Make an event: times in its time zone; it may repeat daily, weekly, every two weeks or monthly, until a day or for a number of times. Refused with the reason when the input does not hold.");
        events.MapGet("/{id:guid}", GetAsync).WithSummary("One event with its next dates, the answers counted and your own.");
        events.MapPost("/{id:guid}/rsvp", RsvpAsync).WithSummary("Answer for a date: Going (refused with 409 when every place is taken), Waiting (the waiting list, which moves up by itself), Maybe or NotGoing.");
    }

    static async Task<(Group? Group, Membership? Membership)> MemberAsync(PlenumDb db, string slug, ClaimsPrincipal principal)
    {
        var userId = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        var membership = group is null ? null : await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId);
        if (membership is null && group is not null) membership = await Federations.FederationMembership.AsDelegateAsync(db, group, userId);
        return membership is null ? (null, null) : (group, membership);
    }

    static async Task<IResult> ListAsync(string slug, PlenumDb db, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (group, _) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var now = clock.GetUtcNow();
        var events = await db.GroupEvents.Where(e => e.GroupId == group.Id && (e.LastEndsAt == null || e.LastEndsAt > now))
            .OrderBy(e => e.StartsAt).Take(500).ToListAsync();
        return Results.Ok(events.Select(e => ToDto(e, null)));
    }

    static async Task<IResult> CreateAsync(string slug, CreateRequest request, PlenumDb db, EventPlanner planner, ClaimsPrincipal principal)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        try
        {
            var groupEvent = await planner.CreateAsync(group, membership!.UserId!.Value, new EventDraft(request.Kind, request.Title ?? "", request.Description,
                request.Location, request.OnlineLink, request.Start is { } start ? EventTimes.FromDateTime(start) : null,
                request.End is { } end ? EventTimes.FromDateTime(end) : null, request.TimeZone, request.Capacity,
                new RecurrenceChoice(request.Repeat, request.Until, request.Count)));
            return Results.Created($"/api/v1/groups/{slug}/events/{groupEvent.Id}", ToDto(groupEvent, null));
        }
        catch (EventRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status422UnprocessableEntity);
        }
    }

    static async Task<IResult> GetAsync(string slug, Guid id, PlenumDb db, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var groupEvent = await db.GroupEvents.FirstOrDefaultAsync(e => e.Id == id && e.GroupId == group.Id);
        if (groupEvent is null) return ApiProblems.NotFound("event");
        var occurrences = EventSchedule.Between(groupEvent, groupEvent.Recurrence is null ? groupEvent.StartsAt : clock.GetUtcNow(), DateTimeOffset.MaxValue)
            .Take(DatesShown).ToList();
        var dates = occurrences.Select(o => o.Date).ToList();
        var answers = await db.Rsvps.Where(r => r.EventId == id && dates.Contains(r.OccurrenceDate))
            .Select(r => new { r.OccurrenceDate, r.Answer, r.UserId }).ToListAsync();
        var me = membership!.UserId;
        return Results.Ok(ToDto(groupEvent, [.. occurrences.Select(o =>
        {
            var these = answers.Where(a => a.OccurrenceDate == o.Date).ToList();
            return new DateDto(o.Date, o.StartsAt, o.EndsAt, these.Count(a => a.Answer == RsvpAnswer.Going), these.Count(a => a.Answer == RsvpAnswer.Maybe),
                these.Count(a => a.Answer == RsvpAnswer.Waiting), these.FirstOrDefault(a => a.UserId == me)?.Answer);
        })]));
    }

    static async Task<IResult> RsvpAsync(string slug, Guid id, RsvpRequest request, PlenumDb db, RsvpBook rsvps, ClaimsPrincipal principal)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var groupEvent = await db.GroupEvents.FirstOrDefaultAsync(e => e.Id == id && e.GroupId == group.Id);
        if (groupEvent is null) return ApiProblems.NotFound("event");
        try
        {
            var date = request.Date ?? (groupEvent.Recurrence is null
                ? EventTimes.ToLocal(groupEvent.StartsAt, groupEvent).Date.ToDateOnly()
                : throw new EventRuleException("Give the date you answer for: the event repeats."));
            var stored = await rsvps.AnswerAsync(groupEvent, membership!.UserId!.Value, date, request.Answer);
            return Results.Ok(new RsvpResult(stored.OccurrenceDate, stored.Answer));
        }
        catch (EventRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
    }

    static EventDto ToDto(GroupEvent e, IReadOnlyList<DateDto>? dates)
    {
        var recurrence = EventRecurrence.Read(e.Recurrence, EventTimes.ZoneOf(e));
        return new(e.Id, e.Kind, e.Title, e.Description, e.Location, e.OnlineLink, e.StartsAt, e.EndsAt, e.TimeZone, e.Capacity,
            recurrence.Repeat, recurrence.Until, recurrence.Count, e.Recurrence, e.IsCancelled, e.Sequence, dates);
    }
}
