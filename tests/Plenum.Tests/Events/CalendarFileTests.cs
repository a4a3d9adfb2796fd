using System.Text.Json;
using Ical.Net.CalendarComponents;
using NodaTime;
using Plenum.Events;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Events.EventSteps;

namespace Plenum.Tests.Events;

/// <summary>
/// An event's .ics file, read back by two independent readers, Ical.Net and Python's icalendar: the
/// same title, start in its zone, rule, and dates across a change of clocks; a stable UID; SEQUENCE
/// raised by every change; STATUS:CANCELLED once cancelled.
/// </summary>
public sealed class CalendarFileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    EventSteps Steps => new(Server);
    static readonly DateTimeZone Berlin = EventTimes.Zone("Europe/Berlin")!;

    /// <summary>19:00 in Berlin on a day two weeks before Berlin's next change of clocks, so a weekly series crosses it.</summary>
    LocalDateTime TwoWeeksBeforeTheClocksChange()
    {
        var fifteenDaysAhead = Instant.FromDateTimeOffset(Server.Clock.GetUtcNow()).Plus(Duration.FromDays(15));
        var change = Berlin.GetZoneInterval(fifteenDaysAhead).End;
        return change.InZone(Berlin).Date.PlusDays(-14).At(new LocalTime(19, 0));
    }

    async Task<(string Ics, HttpResponseMessage Response)> DownloadAsync(WebSession who, string path)
    {
        var response = await who.Http.GetAsync($"{path}.ics");
        return (await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task A_weekly_event_across_a_change_of_clocks_reads_the_same_in_IcalNet_and_in_Python()
    {
        var (slug, founder, _) = await Steps.GroupAsync("Calendar crew", 0);
        var start = TwoWeeksBeforeTheClocksChange();
        var path = await Steps.NewEventAsync(founder, slug, "Weekly assembly", start, "Europe/Berlin",
            ("Form.Repeat", "Weekly"), ("Form.Count", "4"), ("Form.Location", "Community hall"));
        // What the dates must be, worked out here with NodaTime alone: 19:00 in Berlin each week.
        var expected = Enumerable.Range(0, 4).Select(week => start.PlusWeeks(week).InZoneStrictly(Berlin).ToDateTimeOffset().ToUniversalTime()).ToList();
        Assert.NotEqual(expected[0].TimeOfDay, expected[3].TimeOfDay);

        var (ics, response) = await DownloadAsync(founder, path);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("private", response.Headers.CacheControl?.ToString());

        var calendar = Ical.Net.Calendar.Load(ics)!;
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal($"{IdOf(path):N}@plenum", vevent.Uid);
        Assert.Equal("Weekly assembly", vevent.Summary);
        Assert.Equal("Community hall", vevent.Location);
        Assert.Equal("Europe/Berlin", vevent.DtStart!.TzId);
        Assert.Equal(start.ToDateTimeUnspecified(), vevent.DtStart.Value);
        Assert.Equal("Europe/Berlin", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(Ical.Net.FrequencyType.Weekly, vevent.RecurrenceRule!.Frequency);
        Assert.Equal(4, vevent.RecurrenceRule.Count);
        Assert.Equal(0, vevent.Sequence);
        Assert.Equal("CONFIRMED", vevent.Status);
        Assert.Equal(expected, vevent.GetOccurrences().Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero)));
        Assert.Contains(path, vevent.Description);

        var python = PythonIcalendar.Read(ics);
        var read = PythonIcalendar.SingleEvent(python);
        Assert.Equal(vevent.Uid, read.GetProperty("uid").GetString());
        Assert.Equal("Weekly assembly", read.GetProperty("summary").GetString());
        Assert.Equal("Community hall", read.GetProperty("location").GetString());
        Assert.Equal(start.ToDateTimeUnspecified().ToString("s"), read.GetProperty("start").GetString());
        Assert.Equal("Europe/Berlin", read.GetProperty("tzid").GetString());
        Assert.Equal("FREQ=WEEKLY;COUNT=4", read.GetProperty("rrule").GetString());
        Assert.Equal(expected, read.GetProperty("starts").EnumerateArray().Select(s => DateTimeOffset.Parse(s.GetString()!)));
        Assert.Equal(["Europe/Berlin"], python.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()));
    }

    [Fact]
    public async Task The_uid_stays_while_every_change_raises_the_sequence_and_cancelling_marks_it_cancelled()
    {
        var (slug, founder, _) = await Steps.GroupAsync("Sequence crew", 0);
        var start = Steps.DaysAhead(10, 18, "Europe/Berlin");
        var path = await Steps.NewEventAsync(founder, slug, "Training", start, "Europe/Berlin");
        var first = Assert.Single(Ical.Net.Calendar.Load((await DownloadAsync(founder, path)).Ics)!.Events);

        var edit = await founder.GetAsync($"{path}/edit");
        await founder.SubmitAsync(edit, null, Fields(("Form.Title", "Training, second part")));
        var changed = Assert.Single(Ical.Net.Calendar.Load((await DownloadAsync(founder, path)).Ics)!.Events);
        await founder.SubmitAsync(await founder.GetAsync($"{path}/edit"), "form[action*='Cancel']");
        var (ics, _) = await DownloadAsync(founder, path);
        var cancelled = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);

        Assert.Equal(first.Uid, changed.Uid);
        Assert.Equal(first.Uid, cancelled.Uid);
        Assert.Equal([0, 1, 2], new[] { first.Sequence, changed.Sequence, cancelled.Sequence });
        Assert.Equal("Training, second part", changed.Summary);
        Assert.Equal("CANCELLED", cancelled.Status);
        var read = PythonIcalendar.SingleEvent(PythonIcalendar.Read(ics));
        Assert.Equal("CANCELLED", read.GetProperty("status").GetString());
        Assert.Equal(2, read.GetProperty("sequence").GetInt32());
        Assert.Equal(first.Uid, read.GetProperty("uid").GetString());
    }

    [Fact]
    public async Task An_event_in_UTC_is_written_in_UTC_without_a_time_zone()
    {
        var (slug, founder, _) = await Steps.GroupAsync("UTC crew", 0);
        var start = Steps.DaysAhead(2, 9);
        var path = await Steps.NewEventAsync(founder, slug, "Online call", start, "UTC", ("Form.OnlineLink", "https://meet.example.org/plenum"));
        var (ics, _) = await DownloadAsync(founder, path);
        Assert.Contains($"DTSTART:{start.ToDateTimeUnspecified():yyyyMMdd'T'HHmmss}Z", ics);
        Assert.DoesNotContain("VTIMEZONE", ics);
        var vevent = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.True(vevent.DtStart!.IsUtc);
        Assert.Null(vevent.RecurrenceRule);
        Assert.Contains("Online: https://meet.example.org/plenum", vevent.Description);
        var read = PythonIcalendar.SingleEvent(PythonIcalendar.Read(ics));
        Assert.True(read.GetProperty("utc").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("tzid").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("rrule").ValueKind);
        Assert.Equal(new DateTimeOffset(start.ToDateTimeUnspecified(), TimeSpan.Zero), DateTimeOffset.Parse(read.GetProperty("starts")[0].GetString()!));
    }
}
