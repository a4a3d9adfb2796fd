using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace Plenum.Events;

/// <summary>One date of an event: its day in the event's zone (what answers are given for), and its start and end in UTC.</summary>
public sealed record Occurrence(DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The dates of an event, expanded by Ical.Net from its start, zone and RRULE, so pages, reminders and
/// the published calendar agree on every date, also across changes of clocks.
/// </summary>
public static class EventSchedule
{
    /// <summary>The event as an iCalendar VEVENT's timing: DTSTART and DTEND in the event's zone (or UTC), and its RRULE.</summary>
    public static CalendarEvent Timing(GroupEvent groupEvent)
    {
        var zone = EventTimes.ZoneOf(groupEvent);
        var timing = new CalendarEvent
        {
            DtStart = At(groupEvent.StartsAt, zone),
            DtEnd = At(groupEvent.EndsAt, zone),
        };
        if (groupEvent.Recurrence is { } rule) timing.RecurrenceRule = EventRecurrence.Parse(rule);
        return timing;
    }

    /// <summary>Occurrences that have not ended by <paramref name="from"/> and start before <paramref name="until"/>, earliest first.</summary>
    public static IEnumerable<Occurrence> Between(GroupEvent groupEvent, DateTimeOffset from, DateTimeOffset until)
    {
        var zone = EventTimes.ZoneOf(groupEvent);
        return Timing(groupEvent).GetOccurrences(new CalDateTime(from.UtcDateTime, CalDateTime.UtcTzId))
            .Select(o => ToOccurrence(o, zone))
            .TakeWhile(o => o.StartsAt < until);
    }

    /// <summary>The occurrence on a day (in the event's zone), if the event takes place that day.</summary>
    public static Occurrence? On(GroupEvent groupEvent, DateOnly date)
    {
        var zone = EventTimes.ZoneOf(groupEvent);
        var dayStart = zone.AtStartOfDay(LocalDate.FromDateOnly(date)).ToDateTimeOffset();
        return Between(groupEvent, dayStart, dayStart.AddDays(2)).FirstOrDefault(o => o.Date == date);
    }

    /// <summary>When the last occurrence ends, or null for a series without end.</summary>
    public static DateTimeOffset? LastEnd(GroupEvent groupEvent)
    {
        if (groupEvent.Recurrence is null) return groupEvent.EndsAt;
        var rule = EventRecurrence.Parse(groupEvent.Recurrence);
        if (rule.Count is null && rule.Until is null) return null;
        return Between(groupEvent, groupEvent.StartsAt, DateTimeOffset.MaxValue).LastOrDefault()?.EndsAt ?? groupEvent.EndsAt;
    }

    static CalDateTime At(DateTimeOffset instant, DateTimeZone zone) => zone.Id == "UTC"
        ? new CalDateTime(instant.UtcDateTime, CalDateTime.UtcTzId)
        : new CalDateTime(EventTimes.ToLocal(instant, zone).ToDateTimeUnspecified(), zone.Id);

    static Occurrence ToOccurrence(Ical.Net.DataTypes.Occurrence occurrence, DateTimeZone zone)
    {
        var start = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
        var end = new DateTimeOffset(occurrence.Period.EffectiveEndTime!.AsUtc, TimeSpan.Zero);
        return new Occurrence(EventTimes.ToLocal(start, zone).Date.ToDateOnly(), start, end);
    }
}
