using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace Plenum.Events;

/// <summary>
/// Local times in IANA zones, through NodaTime's own time-zone database (the same one Ical.Net expands
/// recurrences with), so a time means the same on every server, whatever zones its system knows.
/// </summary>
public static class EventTimes
{
    /// <summary>The value of an HTML datetime-local field.</summary>
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The zones offered in forms: canonical IANA names of places, and UTC.</summary>
    public static readonly IReadOnlyList<string> ZoneIds = [.. TzdbDateTimeZoneSource.Default.ZoneLocations!
        .Select(location => location.ZoneId).Append("UTC").Distinct().Order(StringComparer.Ordinal)];

    public static DateTimeZone? Zone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    public static DateTimeZone ZoneOf(GroupEvent groupEvent) =>
        Zone(groupEvent.TimeZone) ?? throw new InvalidOperationException("A stored event has an unknown time zone.");

    /// <summary>
    /// The instant a wall-clock time stands for. A time skipped when clocks go forward is refused rather
    /// than moved; a time that happens twice when clocks go back is taken the first time.
    /// </summary>
    public static DateTimeOffset ToUtc(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
            throw new EventRuleException($"{Show(local)} does not exist in {zone.Id}: the clocks skip it that day. Choose another time.");
        return mapping.First().ToDateTimeOffset().ToUniversalTime();
    }

    public static LocalDateTime ToLocal(DateTimeOffset instant, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime;

    public static LocalDateTime ToLocal(DateTimeOffset instant, GroupEvent groupEvent) => ToLocal(instant, ZoneOf(groupEvent));

    public static LocalDateTime FromDateTime(DateTime value) => LocalDateTime.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Unspecified));

    public static string ToInput(LocalDateTime local) => local.ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>"Sun 29 Mar 2026, 19:00".</summary>
    public static string Show(LocalDateTime local) => local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Sun 29 Mar 2026, 19:00–21:00" or across days "Fri 3 Apr 2026, 18:00 – Sun 5 Apr 2026, 16:00".</summary>
    public static string ShowSpan(LocalDateTime start, LocalDateTime end) => start.Date == end.Date
        ? $"{Show(start)}–{end.ToString("HH:mm", CultureInfo.InvariantCulture)}"
        : $"{Show(start)} – {Show(end)}";
}
