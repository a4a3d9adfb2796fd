using Microsoft.EntityFrameworkCore;
using Plenum.Notifications;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Events.EventSteps;

namespace Plenum.Tests.Events;

/// <summary>A day before each date, those who answered going or maybe hear of it once: in the app, and by mail as their setting for the group allows.</summary>
public sealed class EventReminderTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    EventSteps Steps => new(Server);

    Task ConfirmEmailAsync(string pseudonym, string address) => Server.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
        (user.Email, user.NormalizedEmail, user.EmailConfirmed) = (address, address.ToUpperInvariant(), true);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Those_going_or_maybe_are_reminded_once_per_date_and_mailed_only_when_they_asked_for_everything()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Reminder crew", 3);
        await ConfirmEmailAsync("Reminder crew-member-0", "everything@example.org");
        await ConfirmEmailAsync("Reminder crew-member-1", "decisions-only@example.org");
        await members[0].SubmitAsync(await members[0].GetAsync($"/groups/{slug}/notifications"), null, Fields(("Volume", "All")));
        var start = Steps.DaysAhead(3, 18);
        var path = await Steps.NewEventAsync(founder, slug, "Door knocking", start, "UTC",
            ("Form.Repeat", "Weekly"), ("Form.Count", "2"), ("Form.Location", "Meet at the bakery"));
        var first = DateOnly.FromDateTime(start.ToDateTimeUnspecified());
        var second = first.AddDays(7);
        await AnswerAsync(members[0], path, first, "Going");
        await AnswerAsync(members[1], path, first, "Maybe");
        await AnswerAsync(members[2], path, first, "NotGoing");
        await AnswerAsync(members[0], path, second, "Going");

        await Server.RunHousekeepingAsync();
        Assert.Empty(await Steps.NoticesAsync("Reminder crew-member-0", path));

        var startsAt = new DateTimeOffset(start.ToDateTimeUnspecified(), TimeSpan.Zero);
        Server.Clock.Advance(startsAt - Server.Clock.GetUtcNow() - TimeSpan.FromHours(12));
        await Server.RunHousekeepingAsync();
        await Server.RunHousekeepingAsync();
        Assert.Equal([NotificationKind.EventReminder], await Steps.NoticesAsync("Reminder crew-member-0", path));
        Assert.Equal([NotificationKind.EventReminder], await Steps.NoticesAsync("Reminder crew-member-1", path));
        Assert.Empty(await Steps.NoticesAsync("Reminder crew-member-2", path));
        Assert.Empty(await Steps.NoticesAsync("Reminder crew-founder", path));

        var mail = Assert.Single(Server.MailTo("everything@example.org"));
        Assert.Equal("Plenum: an event you answered is coming up", mail.Subject);
        Assert.Contains("Reminder crew: \"Door knocking\" is on", mail.TextBody);
        Assert.Contains(path, mail.TextBody);
        Assert.DoesNotContain("bakery", mail.TextBody);
        Assert.Empty(Server.MailTo("decisions-only@example.org"));

        Server.Clock.Advance(TimeSpan.FromDays(7));
        await Server.RunHousekeepingAsync();
        Assert.Equal([NotificationKind.EventReminder, NotificationKind.EventReminder], await Steps.NoticesAsync("Reminder crew-member-0", path));
        Assert.Equal([NotificationKind.EventReminder], await Steps.NoticesAsync("Reminder crew-member-1", path));
        Assert.Equal(2, Server.MailTo("everything@example.org").Count);
    }

    [Fact]
    public async Task Moving_an_event_to_another_time_reminds_again()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Moving crew", 1);
        var start = Steps.DaysAhead(2, 8);
        var path = await Steps.NewEventAsync(founder, slug, "Court support", start);
        await AnswerAsync(members[0], path, DateOnly.FromDateTime(start.ToDateTimeUnspecified()), "Going");
        var startsAt = new DateTimeOffset(start.ToDateTimeUnspecified(), TimeSpan.Zero);
        Server.Clock.Advance(startsAt - Server.Clock.GetUtcNow() - TimeSpan.FromHours(6));
        await Server.RunHousekeepingAsync();
        Assert.Single(await Steps.NoticesAsync("Moving crew-member-0", path));

        var later = start.PlusDays(1);
        await founder.SubmitAsync(await founder.GetAsync($"{path}/edit"), null, Fields(("Form.Start", Input(later)), ("Form.End", Input(later.PlusHours(2)))));
        await Server.RunHousekeepingAsync();
        Assert.Single(await Steps.NoticesAsync("Moving crew-member-0", path));
        Server.Clock.Advance(TimeSpan.FromDays(1));
        await Server.RunHousekeepingAsync();
        Assert.Equal(2, (await Steps.NoticesAsync("Moving crew-member-0", path)).Count);
    }
}
