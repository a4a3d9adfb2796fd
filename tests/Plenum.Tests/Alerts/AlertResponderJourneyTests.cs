using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Plenum.Alerts;
using Plenum.Tests.Browser;
using static Plenum.Tests.Alerts.AlertResponderSteps;

namespace Plenum.Tests.Alerts;

/// <summary>
/// On phones: a passer-by reports without JavaScript and follows the report; a responder sees the warning on their
/// profile, keeps the live page open, and the alert appears there the moment it is sent and is confirmed received.
/// </summary>
public sealed class AlertResponderJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_report_from_a_phone_reaches_a_responder_on_the_live_page_at_once()
    {
        var network = await NewNetworkAsync(Server, "phone-net", 2);
        (await Server.NewMemberAsync("phone-net-unused", Password)).Dispose();

        var reporter = await NewPhoneAsync(javaScript: false);
        await reporter.GotoAsync(Url($"/groups/{network.Slug}/alerts/report"));
        await reporter.GetByLabel("Area").SelectOptionAsync(new SelectOptionValue { Label = "South" });
        await reporter.GetByLabel("What is happening").FillAsync("Bailiffs and police at the door of a family");
        await reporter.GetByLabel("Where exactly").FillAsync("Weserstr. 5, front house");
        await reporter.GetByLabel("How we can reply to you (optional)").FillAsync("0176 222 3333");
        await BrowserFixture.ScreenshotAsync(reporter, "alerts-report");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Assertions.Expect(reporter.Locator("[data-testid=reported]")).ToContainTextAsync("What happens now");
        await BrowserFixture.ScreenshotAsync(reporter, "alerts-reported");
        await reporter.GotoAsync((await reporter.Locator("[data-testid=follow-link]").GetAttributeAsync("href"))!);
        await Assertions.Expect(reporter.Locator("[data-testid=status]")).ToHaveTextAsync("received");
        await BrowserFixture.ScreenshotAsync(reporter, "alerts-follow");

        var responder = await LoggedInPhoneAsync("phone-net-member-1");
        await responder.GotoAsync(Url($"/groups/{network.Slug}/alerts/me"));
        await Assertions.Expect(responder.Locator("[data-testid=no-channel-warning]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(responder, "alerts-me");
        await responder.GetByLabel("For how many hours").FillAsync("2");
        await responder.GetByRole(AriaRole.Button, new() { Name = "I'm on call now" }).ClickAsync();
        await Assertions.Expect(responder.Locator("main")).ToContainTextAsync("You are on call now for 2 hours.");
        await responder.Locator("#oncall-zone").SelectOptionAsync(new SelectOptionValue { Label = "North" });
        await responder.GetByRole(AriaRole.Button, new() { Name = "I'm on call now" }).ClickAsync();
        // The second shift is listed before moving on: a link clicked while the form's answer is on its way would be overtaken by it.
        await Assertions.Expect(responder.Locator("[data-testid=shift]")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(responder, "alerts-me-shifts");

        await responder.GetByRole(AriaRole.Link, new() { Name = "Live alerts" }).ClickAsync();
        await Assertions.Expect(responder.Locator("#live-status")).ToContainTextAsync("Listening");
        await responder.GetByLabel("Sound an alarm when an alert comes in").CheckAsync();
        await AlertedIncidentAsync(Server, network, "phone-net", "Bailiffs at the door of a family, Weserstr.");
        await Assertions.Expect(responder.Locator("[data-testid=incoming-alert]")).ToContainTextAsync("Bailiffs at the door");
        var userId = await UserIdAsync(Server, "phone-net-member-1");
        await Assertions.Expect(responder.Locator("[data-testid=open-alert]")).ToHaveCountAsync(1);
        await WaitUntilAsync(() => Server.WithDbAsync(db => db.AlertDeliveries.AnyAsync(d => d.UserId == userId && d.State == DeliveryState.Received && d.Channel == AlertChannel.Live)));
        await BrowserFixture.ScreenshotAsync(responder, "alerts-live");

        await responder.Locator("[data-testid=open-alert]").GetByRole(AriaRole.Button, new() { Name = "Going" }).ClickAsync();
        await Assertions.Expect(responder.Locator("main")).ToContainTextAsync("You answered: going.");
        await responder.Locator("[data-testid=open-alert]").GetByRole(AriaRole.Button, new() { Name = "I'm on site" }).ClickAsync();
        await Assertions.Expect(responder.Locator(".countdown")).ToContainTextAsync("left");
        await BrowserFixture.ScreenshotAsync(responder, "alerts-live-on-site");

        var exercise = await AlertedIncidentAsync(Server, network, "phone-net", "Drill", Plenum.Alerts.Cap.CapStatus.Exercise);
        var (token, _) = await TicketAsync(Server, exercise.Id, "phone-net-member-1");
        var mailed = await NewPhoneAsync(javaScript: false);
        await mailed.GotoAsync(Url(AlertLinks.AnswerPath(token)));
        await Assertions.Expect(mailed.Locator(".exercise-mark")).ToContainTextAsync("EXERCISE");
        await BrowserFixture.ScreenshotAsync(mailed, "alerts-answer");
        await mailed.GetByRole(AriaRole.Button, new() { Name = "Can't go" }).ClickAsync();
        await Assertions.Expect(mailed.Locator("main")).ToContainTextAsync("You answered: can't go.");
    }

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }
}
