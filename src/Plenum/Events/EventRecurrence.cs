using System.Globalization;
using Ical.Net;
using NodaTime;
using RecurrenceRule = Ical.Net.DataTypes.RecurrenceRule;

namespace Plenum.Events;

public enum Repeat { Never, Daily, Weekly, Fortnightly, Monthly }

/// <summary>How an event repeats, as people choose it: how often, and until a day or a number of times (or neither).</summary>
public sealed record RecurrenceChoice(Repeat Repeat, DateOnly? Until = null, int? Count = null)
{
    public static readonly RecurrenceChoice Never = new(Repeat.Never);
}

/// <summary>
/// Turns a <see cref="RecurrenceChoice"/> into the RRULE that is stored and published, checked by
/// parsing it back through Ical.Net, and reads a stored RRULE back into a choice for the edit form.
/// </summary>
public static class EventRecurrence
{
    public const int MaxCount = 500;
    public static readonly Period MaxSpan = Period.FromYears(5);

    /// <summary>The RRULE for a choice, or null for a one-off; refuses an end before the start or too far ahead.</summary>
    public static string? Build(RecurrenceChoice choice, LocalDateTime start, DateTimeZone zone)
    {
        if (!Enum.IsDefined(choice.Repeat)) throw new EventRuleException("Choose how often the event repeats.");
        if (choice.Repeat == Repeat.Never)
        {
            if (choice.Until is not null || choice.Count is not null)
                throw new EventRuleException("An end date or a number of times only applies to a repeating event.");
            return null;
        }
        if (choice is { Until: not null, Count: not null }) throw new EventRuleException("Give an end date or a number of times, not both.");
        var parts = new List<string> { $"FREQ={Frequency(choice.Repeat).ToString().ToUpperInvariant()}" };
        if (choice.Repeat == Repeat.Fortnightly) parts.Add("INTERVAL=2");
        if (choice.Count is { } count)
        {
            if (count is < 1 or > MaxCount) throw new EventRuleException($"A series happens between 1 and {MaxCount} times.");
            parts.Add($"COUNT={count}");
        }
        if (choice.Until is { } until)
        {
            var last = LocalDate.FromDateOnly(until);
            if (last < start.Date) throw new EventRuleException("The series cannot end before its first date.");
            if (last > start.Date.Plus(MaxSpan)) throw new EventRuleException("A series ends within five years of its first date.");
            // RFC 5545: with a zoned start, UNTIL is in UTC. The end of the chosen day in the event's zone keeps that day in.
            var endOfDay = zone.AtStartOfDay(last.PlusDays(1)).ToInstant().Minus(Duration.FromSeconds(1));
            parts.Add($"UNTIL={endOfDay.ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        }
        var rule = string.Join(';', parts);
        Parse(rule);
        return rule;
    }

    /// <summary>The choice a stored rule was made from.</summary>
    public static RecurrenceChoice Read(string? rule, DateTimeZone zone)
    {
        if (rule is null) return RecurrenceChoice.Never;
        var parsed = Parse(rule);
        var repeat = (parsed.Frequency, parsed.Interval) switch
        {
            (FrequencyType.Daily, 1) => Repeat.Daily,
            (FrequencyType.Weekly, 1) => Repeat.Weekly,
            (FrequencyType.Weekly, 2) => Repeat.Fortnightly,
            _ => Repeat.Monthly,
        };
        DateOnly? until = parsed.Until is { } end ? EventTimes.ToLocal(new DateTimeOffset(end.AsUtc, TimeSpan.Zero), zone).Date.ToDateOnly() : null;
        return new RecurrenceChoice(repeat, until, parsed.Count);
    }

    /// <summary>Parses a rule with Ical.Net and accepts only the repeats Plenum offers.</summary>
    public static RecurrenceRule Parse(string rule)
    {
        RecurrenceRule parsed;
        try
        {
            parsed = new RecurrenceRule(rule);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            throw new EventRuleException("The repeat rule is not valid.");
        }
        var offered = (parsed.Frequency, parsed.Interval) is (FrequencyType.Daily, 1) or (FrequencyType.Weekly, 1 or 2) or (FrequencyType.Monthly, 1);
        if (!offered || parsed.ByDay.Count + parsed.ByMonthDay.Count + parsed.ByMonth.Count + parsed.BySetPosition.Count > 0)
            throw new EventRuleException("An event repeats daily, weekly, every two weeks or monthly.");
        return parsed;
    }

    public static string Describe(RecurrenceChoice choice)
    {
        var often = choice.Repeat switch
        {
            Repeat.Daily => "every day",
            Repeat.Weekly => "every week",
            Repeat.Fortnightly => "every two weeks",
            Repeat.Monthly => "every month",
            _ => "once",
        };
        if (choice.Until is { } until) return $"{often} until {until.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        return choice.Count is { } count ? $"{often}, {count} times" : often;
    }

    static FrequencyType Frequency(Repeat repeat) => repeat switch
    {
        Repeat.Daily => FrequencyType.Daily,
        Repeat.Monthly => FrequencyType.Monthly,
        _ => FrequencyType.Weekly,
    };
}
