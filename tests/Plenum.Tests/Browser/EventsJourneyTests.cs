using Microsoft.Playwright;
using Plenum.Events;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>Making a weekly event and answering it, in a real browser on a phone-sized screen; the last place taken, the next person waits.</summary>
public sealed class EventsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_member_makes_a_weekly_event_answers_going_and_the_next_member_joins_the_waiting_list()
    {
        var organiser = await NewMemberPhoneAsync("union-organiser");
        await organiser.GotoAsync(Url("/groups/new"));
        await organiser.GetByLabel("Name").FillAsync("Tenant union");
        await organiser.Locator("input[name='Form.Kind'][value='Assembly']").CheckAsync();
        await organiser.GetByLabel("How people join").SelectOptionAsync("Open");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await organiser.WaitForURLAsync("**/groups/tenant-union");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Events", Exact = true }).ClickAsync();
        await Assertions.Expect(organiser.Locator("main")).ToContainTextAsync("Nothing planned yet.");

        await organiser.GetByRole(AriaRole.Link, new() { Name = "New event" }).ClickAsync();
        var start = EventTimes.ToLocal(Server.Clock.GetUtcNow(), EventTimes.Zone("Europe/Berlin")!).Date.PlusDays(3).At(new NodaTime.LocalTime(19, 0));
        await organiser.GetByLabel("Title").FillAsync("Building assembly");
        await organiser.GetByLabel("Starts").FillAsync(EventTimes.ToInput(start));
        await organiser.GetByLabel("Ends").FillAsync(EventTimes.ToInput(start.PlusHours(2)));
        await organiser.GetByLabel("Time zone").FillAsync("Europe/Berlin");
        await organiser.GetByLabel("How often").SelectOptionAsync("Weekly");
        await organiser.GetByLabel("Or how many times").FillAsync("4");
        await organiser.Locator("#Form_Location").FillAsync("Courtyard, staircase B");
        await organiser.Locator("#Form_Capacity").FillAsync("1");
        await BrowserFixture.ScreenshotAsync(organiser, "events-new");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Create the event" }).ClickAsync();
        await Assertions.Expect(organiser.Locator("main")).ToContainTextAsync("The event is made.");
        await Assertions.Expect(organiser.Locator("main")).ToContainTextAsync("every week, 4 times");
        await Assertions.Expect(organiser.Locator("[data-testid=event-date]")).ToHaveCountAsync(4);

        var firstDate = organiser.Locator("[data-testid=event-date]").First;
        await firstDate.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true }).ClickAsync();
        await Assertions.Expect(organiser.Locator("main")).ToContainTextAsync("You are going.");
        await Assertions.Expect(organiser.Locator("[data-testid=event-date]").First).ToContainTextAsync("1 of 1 place taken");
        await BrowserFixture.ScreenshotAsync(organiser, "events-show-going");
        var eventUrl = organiser.Url.Split('#')[0];
        var download = await organiser.RunAndWaitForDownloadAsync(() => organiser.GetByRole(AriaRole.Link, new() { Name = "Add to your calendar (.ics)" }).ClickAsync());
        Assert.Equal("event.ics", download.SuggestedFilename);
        Assert.Contains("SUMMARY:Building assembly", await File.ReadAllTextAsync((await download.PathAsync())!));

        var neighbour = await NewMemberPhoneAsync("union-neighbour");
        await neighbour.GotoAsync(Url("/groups/tenant-union"));
        await neighbour.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(neighbour.GetByRole(AriaRole.Link, new() { Name = "Members (2)" })).ToBeVisibleAsync();
        await neighbour.GotoAsync(eventUrl);
        var full = neighbour.Locator("[data-testid=event-date]").First;
        await Assertions.Expect(full.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true })).ToHaveCountAsync(0);
        await full.GetByRole(AriaRole.Button, new() { Name = "Join the waiting list" }).ClickAsync();
        await Assertions.Expect(neighbour.Locator("main")).ToContainTextAsync("you are on the waiting list");
        await Assertions.Expect(neighbour.Locator("[data-testid=event-date]").First).ToContainTextAsync("Waiting, in order: union-neighbour");
        await BrowserFixture.ScreenshotAsync(neighbour, "events-show-waiting");

        await neighbour.GotoAsync(Url("/groups/tenant-union/events"));
        await Assertions.Expect(neighbour.Locator("[data-testid=coming]")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(neighbour, "events-list");

        await organiser.GotoAsync(Url("/groups/tenant-union/events"));
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Make a private feed address" }).ClickAsync();
        await Assertions.Expect(organiser.Locator("[data-testid=feed-url]")).ToContainTextAsync("/calendar/plenumcal_");
        await BrowserFixture.ScreenshotAsync(organiser, "events-feed");
    }
}
