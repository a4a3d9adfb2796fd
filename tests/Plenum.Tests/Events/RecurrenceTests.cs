using NodaTime;
using Plenum.Events;

namespace Plenum.Tests.Events;

/// <summary>How events repeat: the RRULE Plenum writes, and the dates Ical.Net expands from it, also when the clocks change.</summary>
public sealed class RecurrenceTests
{
    static readonly DateTimeZone Berlin = EventTimes.Zone("Europe/Berlin")!;

    static GroupEvent Event(LocalDateTime start, RecurrenceChoice repeat, string zone = "Europe/Berlin")
    {
        var groupEvent = new GroupEvent { Title = "", TimeZone = "UTC" };
        EventDrafts.Apply(new EventDraft(EventKind.Meeting, "Weekly assembly", null, null, null, start, start.PlusHours(2), zone, null, repeat), groupEvent);
        return groupEvent;
    }

    static List<Occurrence> All(GroupEvent groupEvent) => [.. EventSchedule.Between(groupEvent, groupEvent.StartsAt, DateTimeOffset.MaxValue)];

    [Fact]
    public void A_weekly_meeting_keeps_its_wall_clock_time_when_Berlin_moves_its_clocks_forward()
    {
        // Clocks in Berlin go from 02:00 CET to 03:00 CEST on Sunday 29 March 2026.
        var meeting = Event(new LocalDateTime(2026, 3, 22, 19, 0), new RecurrenceChoice(Repeat.Weekly, Count: 3));
        var dates = All(meeting);

        Assert.Equal("FREQ=WEEKLY;COUNT=3", meeting.Recurrence);
        Assert.Equal([new DateOnly(2026, 3, 22), new DateOnly(2026, 3, 29), new DateOnly(2026, 4, 5)], dates.Select(d => d.Date));
        Assert.Equal([Utc(2026, 3, 22, 18), Utc(2026, 3, 29, 17), Utc(2026, 4, 5, 17)], dates.Select(d => d.StartsAt));
        Assert.Equal([Utc(2026, 3, 22, 20), Utc(2026, 3, 29, 19), Utc(2026, 4, 5, 19)], dates.Select(d => d.EndsAt));
        Assert.All(dates, d => Assert.Equal(new LocalTime(19, 0), EventTimes.ToLocal(d.StartsAt, Berlin).TimeOfDay));
        Assert.Equal(Utc(2026, 4, 5, 19), meeting.LastEndsAt);
    }

    [Fact]
    public void A_weekly_meeting_keeps_its_wall_clock_time_when_Berlin_moves_its_clocks_back()
    {
        var meeting = Event(new LocalDateTime(2026, 10, 18, 19, 0), new RecurrenceChoice(Repeat.Weekly, Count: 2));
        Assert.Equal([Utc(2026, 10, 18, 17), Utc(2026, 10, 25, 18)], All(meeting).Select(d => d.StartsAt));
    }

    [Fact]
    public void A_daily_series_at_night_stays_on_its_days_through_the_change()
    {
        var vigil = Event(new LocalDateTime(2026, 3, 27, 23, 30), new RecurrenceChoice(Repeat.Daily, Until: new DateOnly(2026, 3, 30)));
        var dates = All(vigil);
        Assert.Equal([27, 28, 29, 30], dates.Select(d => d.Date.Day));
        Assert.Equal([Utc(2026, 3, 27, 22, 30), Utc(2026, 3, 28, 22, 30), Utc(2026, 3, 29, 21, 30), Utc(2026, 3, 30, 21, 30)], dates.Select(d => d.StartsAt));
    }

    [Fact]
    public void The_end_date_is_the_last_day_in_the_events_own_zone()
    {
        // 17 March 23:00 in Berlin is already 17 March 22:00 UTC; it is still the last day.
        var series = Event(new LocalDateTime(2026, 3, 3, 23, 0), new RecurrenceChoice(Repeat.Weekly, Until: new DateOnly(2026, 3, 17)), "Europe/Berlin");
        Assert.Equal("FREQ=WEEKLY;UNTIL=20260317T225959Z", series.Recurrence);
        Assert.Equal([3, 10, 17], All(series).Select(d => d.Date.Day));
        Assert.Equal(new RecurrenceChoice(Repeat.Weekly, new DateOnly(2026, 3, 17)), EventRecurrence.Read(series.Recurrence, Berlin));
    }

    [Fact]
    public void Every_two_weeks_and_monthly_repeat_as_chosen_and_read_back_the_same()
    {
        var fortnightly = Event(new LocalDateTime(2026, 1, 6, 18, 0), new RecurrenceChoice(Repeat.Fortnightly, Count: 3));
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;COUNT=3", fortnightly.Recurrence);
        Assert.Equal([6, 20, 3], All(fortnightly).Select(d => d.Date.Day));
        var monthly = Event(new LocalDateTime(2026, 1, 15, 18, 0), new RecurrenceChoice(Repeat.Monthly, Count: 3));
        Assert.Equal([1, 2, 3], All(monthly).Select(d => d.Date.Month));
        foreach (var repeat in Enum.GetValues<Repeat>().Where(r => r != Repeat.Never))
        {
            var open = Event(new LocalDateTime(2026, 1, 15, 18, 0), new RecurrenceChoice(repeat));
            Assert.Equal(new RecurrenceChoice(repeat), EventRecurrence.Read(open.Recurrence, Berlin));
            Assert.Null(open.LastEndsAt);
        }
    }

    [Fact]
    public void The_occurrence_on_a_day_is_found_and_other_days_have_none()
    {
        var meeting = Event(new LocalDateTime(2026, 3, 22, 19, 0), new RecurrenceChoice(Repeat.Weekly));
        Assert.Equal(Utc(2026, 4, 26, 17), EventSchedule.On(meeting, new DateOnly(2026, 4, 26))?.StartsAt);
        Assert.Null(EventSchedule.On(meeting, new DateOnly(2026, 4, 27)));
        Assert.Null(EventSchedule.On(meeting, new DateOnly(2026, 3, 15)));
    }

    [Theory]
    [InlineData("FREQ=YEARLY")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("FREQ=DAILY;INTERVAL=3")]
    [InlineData("FREQ=SOMETIMES")]
    [InlineData("not a rule")]
    public void Rules_Plenum_does_not_offer_are_refused(string rule) =>
        Assert.Throws<EventRuleException>(() => EventRecurrence.Parse(rule));

    [Fact]
    public void A_series_cannot_end_before_it_starts_or_more_than_five_years_ahead()
    {
        var start = new LocalDateTime(2026, 3, 22, 19, 0);
        Assert.Contains("before its first date", Assert.Throws<EventRuleException>(() => Event(start, new RecurrenceChoice(Repeat.Daily, new DateOnly(2026, 3, 21)))).Message);
        Assert.Contains("within five years", Assert.Throws<EventRuleException>(() => Event(start, new RecurrenceChoice(Repeat.Daily, new DateOnly(2031, 3, 23)))).Message);
        Assert.Contains("between 1 and 500", Assert.Throws<EventRuleException>(() => Event(start, new RecurrenceChoice(Repeat.Daily, Count: 501))).Message);
    }

    static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
