using Microsoft.Playwright;
using Plenum.Tests.Browser;
using static Plenum.Tests.Alerts.AlertDeskSteps;

namespace Plenum.Tests.Alerts;

/// <summary>The desk on phones: a dispatcher takes a call without JavaScript, a verifier's open desk shows it live, a responder answers.</summary>
public sealed class AlertDeskJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_call_taken_without_javascript_appears_live_on_the_verifiers_desk_and_the_responder_answers()
    {
        var steps = new AlertDeskSteps(Server);
        var (slug, _, _, _, _) = await steps.NetworkAsync("Phone desk");
        var coordinator = await LoggedInPhoneAsync("Phone desk-founder");
        await coordinator.GotoAsync(Url($"/groups/{slug}"));
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Rapid response" }).ClickAsync();
        await ExpectAtAsync(coordinator, Desk(slug));
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await ExpectAtAsync(coordinator, $"{Desk(slug)}/settings");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Duties");
        await BrowserFixture.ScreenshotAsync(coordinator, "alerts-settings");

        var verifier = await LoggedInPhoneAsync("Phone desk-member-0");
        await verifier.GotoAsync(Url(Desk(slug)));
        await Assertions.Expect(verifier.Locator("[data-testid=unverified]")).ToHaveCountAsync(0);

        var dispatcher = await LoggedInPhoneAsync("Phone desk-founder", javaScript: false);
        await dispatcher.GotoAsync(Url($"{Desk(slug)}/intake"));
        await dispatcher.GetByLabel("Zone").SelectOptionAsync(new SelectOptionValue { Label = "North" });
        await dispatcher.GetByLabel("What is happening").FillAsync("Eviction under way at the corner house");
        await dispatcher.GetByLabel("Where").FillAsync("Elm St / 3rd");
        await dispatcher.GetByLabel("How many people").FillAsync("8");
        await dispatcher.GetByLabel("How to reach the caller back").FillAsync("0176 000 111");
        await BrowserFixture.ScreenshotAsync(dispatcher, "alerts-intake");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "Take the report" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator("main")).ToContainTextAsync("went to the verifiers");
        var incidentPath = new Uri(dispatcher.Url).AbsolutePath;

        // The verifier's desk, open since before the call, shows it without a reload.
        await Assertions.Expect(verifier.Locator("[data-testid=unverified]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(verifier, "alerts-desk-verifier");
        await verifier.Locator("[data-testid=unverified] a").ClickAsync();
        await verifier.GetByLabel("It is true: alert the responders").CheckAsync();
        await verifier.GetByLabel("Roll-call (optional)").FillAsync("legal observer:2");

        // A second call about the same incident changes it while the verifier is filling in: their form stays
        // as they left it, and they are told the page is behind.
        await dispatcher.GotoAsync(Url($"{Desk(slug)}/intake"));
        await dispatcher.GetByLabel("Zone").SelectOptionAsync(new SelectOptionValue { Label = "North" });
        await dispatcher.GetByLabel("What is happening").FillAsync("Bailiffs at the corner house, a neighbour says");
        await dispatcher.GetByLabel("Where").FillAsync("Elm St");
        await dispatcher.GetByLabel("Same incident as").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "Take the report" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator("main")).ToContainTextAsync("The report is added to the incident.");
        await Assertions.Expect(verifier.Locator("[data-testid=desk-held]")).ToBeVisibleAsync();
        await Assertions.Expect(verifier.GetByLabel("It is true: alert the responders")).ToBeCheckedAsync();
        await Assertions.Expect(verifier.GetByLabel("Roll-call (optional)")).ToHaveValueAsync("legal observer:2");
        await BrowserFixture.ScreenshotAsync(verifier, "alerts-incident-held");
        await verifier.GetByRole(AriaRole.Button, new() { Name = "Record my finding" }).ClickAsync();
        await Assertions.Expect(verifier.Locator("main")).ToContainTextAsync("Your confirmation is recorded");
        await dispatcher.GotoAsync(Url(incidentPath));
        await dispatcher.GetByLabel("It is true: alert the responders").CheckAsync();
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "Record my finding" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator("[data-testid=state]")).ToHaveTextAsync("responders alerted");

        var responder = await LoggedInPhoneAsync("Phone desk-member-1");
        await responder.GotoAsync(Url(Desk(slug)));
        await BrowserFixture.ScreenshotAsync(responder, "alerts-desk-responder");
        await responder.Locator("[data-testid=my-alert] a").ClickAsync();
        await responder.GetByRole(AriaRole.Button, new() { Name = "I'm going" }).ClickAsync();
        await Assertions.Expect(responder.Locator("[data-testid=my-answer]")).ToHaveTextAsync("You are going.");
        await BrowserFixture.ScreenshotAsync(responder, "alerts-incident-responder");

        await dispatcher.GotoAsync(Url(incidentPath));
        await Assertions.Expect(dispatcher.Locator("[data-testid=recipient]")).ToHaveCountAsync(3);
        await Assertions.Expect(dispatcher.Locator("[data-testid=timeline]")).ToContainTextAsync("answered: going");
        await BrowserFixture.ScreenshotAsync(dispatcher, "alerts-incident-dispatcher");
        await dispatcher.GotoAsync(Url(Desk(slug)));
        await BrowserFixture.ScreenshotAsync(dispatcher, "alerts-desk-dispatcher");
        await dispatcher.GotoAsync(Url($"{Desk(slug)}/metrics"));
        await Assertions.Expect(dispatcher.Locator("[data-testid=heartbeat]")).ToContainTextAsync("Working");
        await BrowserFixture.ScreenshotAsync(dispatcher, "alerts-metrics");
    }
}
