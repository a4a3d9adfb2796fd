using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Plenum.Groups;

namespace Plenum.Events;

/// <summary>
/// Events as iCalendar (RFC 5545), written by Ical.Net: one VEVENT per event with its RRULE, times in the
/// event's zone with a VTIMEZONE (or in UTC), a UID that never changes, SEQUENCE raised on every change,
/// and STATUS:CANCELLED once cancelled, so calendar apps update or strike their copy.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(GroupEvent groupEvent) => $"{groupEvent.Id:N}@plenum";

    public static string Write(string? name, IEnumerable<(GroupEvent Event, Group Group)> events, Func<Group, Guid, string> eventLink)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Plenum//Events//EN", Method = "PUBLISH" };
        if (name is not null) calendar.AddProperty("X-WR-CALNAME", name);
        var earliestByZone = new Dictionary<string, DateTimeOffset>();
        foreach (var (groupEvent, group) in events)
        {
            calendar.Events.Add(ToVEvent(groupEvent, group, eventLink(group, groupEvent.Id)));
            if (groupEvent.TimeZone != "UTC")
                earliestByZone[groupEvent.TimeZone] = earliestByZone.TryGetValue(groupEvent.TimeZone, out var seen) && seen < groupEvent.StartsAt ? seen : groupEvent.StartsAt;
        }
        foreach (var (zone, earliest) in earliestByZone.OrderBy(z => z.Key, StringComparer.Ordinal))
            calendar.AddTimeZone(zone, earliest.UtcDateTime, includeHistoricalData: false);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    static CalendarEvent ToVEvent(GroupEvent groupEvent, Group group, string link)
    {
        var vevent = EventSchedule.Timing(groupEvent);
        vevent.Uid = Uid(groupEvent);
        vevent.Sequence = groupEvent.Sequence;
        vevent.DtStamp = Utc(groupEvent.UpdatedAt);
        vevent.Created = Utc(groupEvent.CreatedAt);
        vevent.LastModified = Utc(groupEvent.UpdatedAt);
        vevent.Summary = groupEvent.Title;
        vevent.Location = groupEvent.Location;
        vevent.Description = Describe(groupEvent, group, link);
        vevent.Url = new Uri(link);
        vevent.Categories.Add(EventText.Kind(groupEvent.Kind));
        vevent.Status = groupEvent.IsCancelled ? "CANCELLED" : "CONFIRMED";
        // Asks calendar apps not to show the details to people a calendar is shared with.
        vevent.Class = "PRIVATE";
        return vevent;
    }

    static string Describe(GroupEvent groupEvent, Group group, string link)
    {
        var parts = new List<string>();
        if (groupEvent.Description is { } description) parts.Add(description);
        if (groupEvent.OnlineLink is { } online) parts.Add($"Online: {online}");
        parts.Add($"{group.Name} on Plenum: {link}");
        return string.Join("\n\n", parts);
    }

    static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId);
}
