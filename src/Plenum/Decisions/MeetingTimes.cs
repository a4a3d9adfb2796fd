using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Plenum.Counting.TimePoll;

namespace Plenum.Decisions;

/// <summary>
/// The times of a meeting-time poll: written one per line as "yyyy-MM-dd HH:mm" in the poll's time
/// zone, counted by <see cref="TimePollTally"/>, and the chosen one offered as an .ics event.
/// </summary>
public static class MeetingTimes
{
    public const string Format = "yyyy-MM-dd HH:mm";
    public static readonly TimeSpan MeetingLength = TimeSpan.FromHours(2);

    public static TimeZoneInfo Zone(string? id) =>
        id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnownZone(string? id) => id is null or "UTC" || TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static bool TryParse(string line, TimeZoneInfo zone, out DateTimeOffset start)
    {
        start = default;
        if (!DateTime.TryParseExact(line.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        start = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    public static IReadOnlyList<TimeSlot> Slots(Decision decision)
    {
        var zone = Zone(decision.TimeZone);
        return [.. decision.OptionList.Select(line => TryParse(line, zone, out var start)
            ? new TimeSlot(line, start)
            : throw new InvalidOperationException("A stored meeting time does not parse."))];
    }

    /// <summary>Answers given as numbers (2 yes, 1 if need be, 0 no), one per time; anything missing or else is refused, never guessed.</summary>
    public static IReadOnlyList<Availability> FromNumbers(IReadOnlyList<int?> numbers) =>
        [.. numbers.Select(n => n switch
        {
            2 => Availability.Yes,
            1 => Availability.IfNeedBe,
            0 => Availability.No,
            _ => throw new DecisionRuleException("Answer yes, if need be or no for every time."),
        })];

    /// <summary>A stored answer: one digit per time, 2 yes, 1 if need be, 0 no ("210").</summary>
    public static string Write(IReadOnlyList<Availability> answers) =>
        string.Concat(answers.Select(a => a switch { Availability.Yes => '2', Availability.IfNeedBe => '1', _ => '0' }));

    public static TimePollBallot Read(string stored) =>
        new([.. stored.Select(c => (Availability?)(c switch { '2' => Availability.Yes, '1' => Availability.IfNeedBe, _ => Availability.No }))]);

    public static string Ics(Decision decision, TimeSlot slot, string groupName)
    {
        var calendar = new Ical.Net.Calendar();
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{decision.Id:N}@plenum",
            Summary = decision.Title,
            Description = $"Chosen by {groupName} in a meeting-time poll on Plenum.",
            Start = new CalDateTime(slot.Start.UtcDateTime, "UTC"),
            End = new CalDateTime(slot.Start.Add(MeetingLength).UtcDateTime, "UTC"),
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
