using NodaTime;

namespace Plenum.Events;

/// <summary>What a person writes when making or changing an event, as the form and the API send it; checked by <see cref="EventDrafts"/>.</summary>
public sealed record EventDraft(EventKind Kind, string Title, string? Description, string? Location, string? OnlineLink,
    LocalDateTime? Start, LocalDateTime? End, string? TimeZone, int? Capacity, RecurrenceChoice Recurrence);

/// <summary>Checks a draft whole before anything is stored, so bad input gets a clear message and never a half-made event.</summary>
public static class EventDrafts
{
    public const int MaxTitle = 200, MaxDescription = 5000, MaxLocation = 500, MaxLink = 500, MaxCapacity = 10_000;
    static readonly Duration MaxLength = Duration.FromDays(14), MaxRepeatingLength = Duration.FromHours(24);

    /// <summary>Writes a valid draft onto <paramref name="target"/>: text trimmed, times in UTC, the RRULE built.</summary>
    public static void Apply(EventDraft draft, GroupEvent target)
    {
        if (!Enum.IsDefined(draft.Kind)) throw new EventRuleException("Choose what kind of event it is.");
        var title = draft.Title.Trim();
        if (title.Length == 0) throw new EventRuleException("Give the event a title.");
        if (title.Length > MaxTitle) throw new EventRuleException($"A title has at most {MaxTitle} characters.");
        var description = Optional(draft.Description, MaxDescription, "A description");
        var location = Optional(draft.Location, MaxLocation, "A place");
        var link = Optional(draft.OnlineLink, MaxLink, "An online link");
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            throw new EventRuleException("An online link starts with https:// (or http://).");
        var zone = EventTimes.Zone(draft.TimeZone)
            ?? throw new EventRuleException("Choose a time zone from the list, such as Europe/Berlin or UTC.");
        if (draft.Start is not { } start) throw new EventRuleException("Give the date and time the event starts.");
        if (draft.End is not { } end) throw new EventRuleException("Give the date and time the event ends.");
        var startsAt = EventTimes.ToUtc(start, zone);
        var endsAt = EventTimes.ToUtc(end, zone);
        if (endsAt <= startsAt) throw new EventRuleException("The event must end after it starts.");
        var rule = EventRecurrence.Build(draft.Recurrence, start, zone);
        var length = Duration.FromTimeSpan(endsAt - startsAt);
        if (length > MaxLength) throw new EventRuleException("An event lasts at most 14 days.");
        if (rule is not null && length > MaxRepeatingLength) throw new EventRuleException("A repeating event lasts at most 24 hours each time.");
        if (draft.Capacity is < 1 or > MaxCapacity) throw new EventRuleException($"Places are between 1 and {MaxCapacity:N0}, or leave it empty for no limit.");

        (target.Kind, target.Title, target.Description, target.Location, target.OnlineLink) = (draft.Kind, title, description, location, link);
        (target.TimeZone, target.StartsAt, target.EndsAt, target.Capacity, target.Recurrence) = (zone.Id, startsAt, endsAt, draft.Capacity, rule);
        target.LastEndsAt = EventSchedule.LastEnd(target);
    }

    /// <summary>The draft an event was made from, to fill the edit form.</summary>
    public static EventDraft From(GroupEvent groupEvent)
    {
        var zone = EventTimes.ZoneOf(groupEvent);
        return new EventDraft(groupEvent.Kind, groupEvent.Title, groupEvent.Description, groupEvent.Location, groupEvent.OnlineLink,
            EventTimes.ToLocal(groupEvent.StartsAt, zone), EventTimes.ToLocal(groupEvent.EndsAt, zone), zone.Id, groupEvent.Capacity,
            EventRecurrence.Read(groupEvent.Recurrence, zone));
    }

    static string? Optional(string? text, int max, string what)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length <= max ? trimmed : throw new EventRuleException($"{what} has at most {max:N0} characters.");
    }
}
