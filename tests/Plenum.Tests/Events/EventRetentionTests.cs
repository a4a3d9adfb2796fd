using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Events.EventSteps;

namespace Plenum.Tests.Events;

/// <summary>Answers go 90 days after their date, events 90 days after their last date or their cancellation; /privacy says so.</summary>
public sealed class EventRetentionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    EventSteps Steps => new(Server);

    [Fact]
    public async Task Past_answers_and_finished_or_cancelled_events_are_deleted_after_ninety_days()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Retention crew", 1);
        var start = Steps.DaysAhead(2, 18);
        var date = DateOnly.FromDateTime(start.ToDateTimeUnspecified());
        var oneOff = await Steps.NewEventAsync(founder, slug, "Fundraiser", start);
        var series = await Steps.NewEventAsync(founder, slug, "Weekly meeting", start, "UTC", ("Form.Repeat", "Weekly"));
        var cancelled = await Steps.NewEventAsync(founder, slug, "Daily vigil", start, "UTC", ("Form.Repeat", "Daily"));
        await AnswerAsync(members[0], oneOff, date, "Going");
        await AnswerAsync(members[0], series, date, "Maybe");
        await founder.SubmitAsync(await founder.GetAsync($"{cancelled}/edit"), "form[action*='Cancel']");

        Server.Clock.Advance(TimeSpan.FromDays(60));
        await Server.RunHousekeepingAsync();
        Assert.Equal(3, await Server.WithDbAsync(db => db.GroupEvents.CountAsync(e => db.Groups.Any(g => g.Id == e.GroupId && g.Slug == slug))));
        Assert.Equal(2, await Server.WithDbAsync(db => db.Rsvps.CountAsync(r => r.OccurrenceDate == date)));

        Server.Clock.Advance(TimeSpan.FromDays(35));
        await Server.RunHousekeepingAsync();
        var left = await Server.WithDbAsync(db => db.GroupEvents.Where(e => db.Groups.Any(g => g.Id == e.GroupId && g.Slug == slug)).Select(e => e.Id).ToListAsync());
        Assert.Equal([IdOf(series)], left);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Rsvps.CountAsync(r => r.OccurrenceDate == date)));

        var privacy = await founder.GetAsync("/privacy");
        Assert.Contains("events and answers", privacy.Text);
        Assert.Contains("90 days", privacy.Text);
    }
}
