using System.Net;
using Microsoft.EntityFrameworkCore;
using Plenum.Events;
using Plenum.Notifications;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Events.EventSteps;

namespace Plenum.Tests.Events;

/// <summary>Events through the pages: made, answered, filled up to their places with a waiting list, changed and cancelled.</summary>
public sealed class EventFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    EventSteps Steps => new(Server);

    [Fact]
    public async Task A_member_makes_an_event_members_answer_and_see_who_goes_and_outsiders_of_a_closed_group_see_nothing()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Squat crew", 1, closed: true);
        var start = Steps.DaysAhead(5, 18);
        var path = await Steps.NewEventAsync(founder, slug, "Banner painting", start, "UTC",
            ("Form.Kind", "Action"), ("Form.Location", "Back yard of no. 12"), ("Form.Description", "Bring old sheets."));

        var page = await members[0].GetAsync(path);
        Assert.Contains("Banner painting", page.Text);
        Assert.Contains("Back yard of no. 12", page.Text);
        Assert.Contains("Bring old sheets.", page.Text);
        var date = DateOnly.FromDateTime(start.ToDateTimeUnspecified());
        Assert.Contains("You are going.", (await AnswerAsync(members[0], path, date, "Going")).Text);
        Assert.Contains("Your answer is saved: maybe.", (await AnswerAsync(founder, path, date, "Maybe")).Text);
        var after = await founder.GetAsync(path);
        Assert.Contains("Going: Squat crew-member-0", after.Text);
        Assert.Contains("Maybe: Squat crew-founder", after.Text);
        Assert.Contains("1 going, 1 maybe", after.Text);
        Assert.Contains("Banner painting", (await founder.GetAsync($"/groups/{slug}/events")).Text);
        Assert.Contains($"/groups/{slug}/events", (await founder.GetAsync($"/groups/{slug}")).Html);

        // What, where and the description are stored encrypted.
        var id = IdOf(path);
        foreach (var column in new[] { "Title", "Location", "Description" })
        {
            var query = $"SELECT \"{column}\" AS \"Value\" FROM \"GroupEvents\" WHERE \"Id\" = '{id.ToString().ToUpperInvariant()}' OR \"Id\" = '{id}'";
            Assert.StartsWith("enc1:", Assert.Single(await Server.WithDbAsync(db => db.Database.SqlQueryRaw<string>(query).ToListAsync())));
        }

        using var outsider = await Server.NewMemberAsync("Squat outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/groups/{slug}/events")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{path}.ics")).Status);
    }

    [Fact]
    public async Task In_an_open_group_others_see_how_many_go_but_not_who()
    {
        var (slug, founder, _) = await Steps.GroupAsync("Open kitchen", 0);
        var start = Steps.DaysAhead(3, 12);
        var path = await Steps.NewEventAsync(founder, slug, "Soup day", start, more: ("Form.Capacity", "10"));
        await AnswerAsync(founder, path, DateOnly.FromDateTime(start.ToDateTimeUnspecified()), "Going");

        using var neighbour = await Server.NewMemberAsync("Kitchen neighbour");
        var page = await neighbour.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("1 of 10 places taken", page.Text);
        Assert.DoesNotContain("Open kitchen-founder", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("form[action*='Answer']"));
        using var anonymous = Server.NewSession();
        Assert.Equal("/accounts/login", (await anonymous.GetAsync(path)).Path);
    }

    [Theory]
    [InlineData("Form.End={hour before}", "The event must end after it starts.")]
    [InlineData("Form.TimeZone=Mars/Olympus", "Choose a time zone from the list")]
    [InlineData("Form.Repeat=Weekly;Form.Until={month after};Form.Count=3", "Give an end date or a number of times, not both.")]
    [InlineData("Form.Repeat=Never;Form.Count=3", "An end date or a number of times only applies to a repeating event.")]
    [InlineData("Form.OnlineLink=javascript:alert(1)", "An online link starts with https://")]
    [InlineData("Form.Capacity=0", "Places are between 1 and 10,000")]
    [InlineData("Form.End={fortnight after}", "An event lasts at most 14 days.")]
    [InlineData("Form.Repeat=Daily;Form.End={two days after}", "A repeating event lasts at most 24 hours each time.")]
    [InlineData("Form.Title=  ", "Give the event a title.")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_stored(string given, string message)
    {
        var (slug, founder, _) = await Steps.GroupAsync("Careful " + Guid.NewGuid().ToString("N")[..8], 0);
        var start = Steps.DaysAhead(4, 19);
        var fields = given.Split(';').Select(pair => pair.Split('=', 2)).Select(kv => (kv[0], kv[1] switch
        {
            "{hour before}" => Input(start.PlusHours(-1)),
            "{fortnight after}" => Input(start.PlusDays(15)),
            "{two days after}" => Input(start.PlusDays(2)),
            "{month after}" => start.Date.PlusDays(30).ToString("yyyy-MM-dd", null),
            var value => value,
        })).ToArray();
        var refused = await Steps.SubmitNewAsync(founder, slug, "Careful meeting", start, "UTC", fields);
        Assert.Contains(message, refused.Text);
        Assert.Equal($"/groups/{slug}/events/new", refused.Path);
        Assert.Equal(0, await Server.WithDbAsync(db => db.GroupEvents.CountAsync(e => db.Groups.Any(g => g.Id == e.GroupId && g.Slug == slug))));
    }

    [Fact]
    public async Task A_time_the_clocks_skip_is_refused_rather_than_moved()
    {
        var (slug, founder, _) = await Steps.GroupAsync("Night owls", 0);
        var zone = EventTimes.Zone("Europe/Berlin")!;
        var interval = zone.GetZoneInterval(NodaTime.Instant.FromDateTimeOffset(Server.Clock.GetUtcNow()));
        while (zone.GetZoneInterval(interval.End).WallOffset <= interval.WallOffset) interval = zone.GetZoneInterval(interval.End);
        // Half an hour into the hour the clocks skip when they go forward.
        var skipped = interval.IsoLocalEnd.PlusMinutes(30);
        var refused = await Steps.SubmitNewAsync(founder, slug, "Clock change party", skipped, "Europe/Berlin");
        Assert.Contains("does not exist in Europe/Berlin", refused.Text);
        Assert.Contains("the clocks skip it that day", refused.Text);
    }

    [Fact]
    public async Task Going_is_refused_when_full_the_waiting_list_moves_up_when_someone_drops_out_and_they_are_told()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Workshop crew", 3);
        var start = Steps.DaysAhead(6, 10);
        var date = DateOnly.FromDateTime(start.ToDateTimeUnspecified());
        var path = await Steps.NewEventAsync(founder, slug, "Lock-on training", start, more: [("Form.Kind", "Training"), ("Form.Capacity", "2")]);

        await AnswerAsync(members[0], path, date, "Going");
        await AnswerAsync(members[1], path, date, "Going");
        var full = await AnswerAsync(members[2], path, date, "Going");
        Assert.Contains("All 2 places are taken. Join the waiting list", full.Text);
        Assert.False((await Steps.AnswersAsync(path, date)).ContainsKey("Workshop crew-member-2"));
        Assert.NotNull(full.Document.QuerySelector($"li#date-{date:yyyy-MM-dd} button[value=Waiting]"));

        Assert.Contains("you are on the waiting list", (await AnswerAsync(members[2], path, date, "Waiting")).Text);
        await AnswerAsync(founder, path, date, "Waiting");
        Assert.Contains("2 of 2 places taken, 2 waiting", (await members[0].GetAsync(path)).Text);
        Assert.Contains("Waiting, in order: Workshop crew-member-2, Workshop crew-founder", (await members[0].GetAsync(path)).Text);

        await AnswerAsync(members[0], path, date, "NotGoing");
        var answers = await Steps.AnswersAsync(path, date);
        Assert.Equal(RsvpAnswer.Going, answers["Workshop crew-member-2"]);
        Assert.Equal(RsvpAnswer.Waiting, answers["Workshop crew-founder"]);
        Assert.Equal([NotificationKind.EventPlaceFreed], await Steps.NoticesAsync("Workshop crew-member-2", path));
        Assert.Empty(await Steps.NoticesAsync("Workshop crew-founder", path));

        // Leaving the group gives up one's place too.
        await members[1].SubmitAsync(await members[1].GetAsync($"/groups/{slug}"), "form[action*='Leave']");
        answers = await Steps.AnswersAsync(path, date);
        Assert.False(answers.ContainsKey("Workshop crew-member-1"));
        Assert.Equal(RsvpAnswer.Going, answers["Workshop crew-founder"]);
        Assert.Equal(2, answers.Values.Count(a => a == RsvpAnswer.Going));
    }

    [Fact]
    public async Task Cancelling_tells_those_going_maybe_or_waiting_and_closes_answers()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Cancel crew", 4);
        var start = Steps.DaysAhead(8, 17);
        var date = DateOnly.FromDateTime(start.ToDateTimeUnspecified());
        var path = await Steps.NewEventAsync(founder, slug, "Picnic", start, more: ("Form.Capacity", "1"));
        await AnswerAsync(members[0], path, date, "Going");
        await AnswerAsync(members[1], path, date, "Maybe");
        await AnswerAsync(members[2], path, date, "NotGoing");
        await AnswerAsync(members[3], path, date, "Waiting");

        var refused = await members[0].GetAsync($"{path}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var cancelled = await founder.SubmitAsync(await founder.GetAsync($"{path}/edit"), "form[action*='Cancel']");
        Assert.Contains("This event is cancelled.", cancelled.Text);

        Assert.Equal([NotificationKind.EventCancelled], await Steps.NoticesAsync("Cancel crew-member-0", path));
        Assert.Equal([NotificationKind.EventCancelled], await Steps.NoticesAsync("Cancel crew-member-1", path));
        Assert.Empty(await Steps.NoticesAsync("Cancel crew-member-2", path));
        Assert.Equal([NotificationKind.EventCancelled], await Steps.NoticesAsync("Cancel crew-member-3", path));
        Assert.Empty(await Steps.NoticesAsync("Cancel crew-founder", path));
        var notices = await members[1].GetAsync("/notifications");
        Assert.Contains("\"Picnic\" is cancelled", notices.Text);
        Assert.NotNull(notices.Document.QuerySelector($"a[href='{path}']"));
        Assert.Empty(cancelled.Document.QuerySelectorAll("form[action*='Answer']"));
    }

    [Fact]
    public async Task Its_maker_or_a_coordinator_changes_an_event_and_a_moved_one_off_keeps_its_answers()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Change crew", 2);
        var start = Steps.DaysAhead(9, 19);
        var path = await Steps.NewEventAsync(members[0], slug, "Assembly", start);
        await AnswerAsync(members[1], path, DateOnly.FromDateTime(start.ToDateTimeUnspecified()), "Going");
        Assert.Equal(HttpStatusCode.Forbidden, (await members[1].GetAsync($"{path}/edit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await members[0].GetAsync($"{path}/edit")).Status);

        var edit = await founder.GetAsync($"{path}/edit");
        Assert.Equal(Input(start), edit.Document.QuerySelector("#Form_Start")!.GetAttribute("value"));
        var moved = start.PlusDays(1);
        var saved = await founder.SubmitAsync(edit, null, Fields(("Form.Title", "Assembly, moved"), ("Form.Start", Input(moved)), ("Form.End", Input(moved.PlusHours(2)))));
        Assert.Contains("The event is changed.", saved.Text);
        var answers = await Steps.AnswersAsync(path, DateOnly.FromDateTime(moved.ToDateTimeUnspecified()));
        Assert.Equal(RsvpAnswer.Going, answers["Change crew-member-1"]);
        Assert.Equal(1, await Server.WithDbAsync(db => db.GroupEvents.Where(e => e.Id == IdOf(path)).Select(e => e.Sequence).SingleAsync()));
    }
}
