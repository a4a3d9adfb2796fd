using Microsoft.Playwright;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>
/// A neighbour without an account asks for help on a phone with no JavaScript and follows their request by its link;
/// a volunteer on a phone finds it on the board, claims it, is accepted and sees the address only then.
/// </summary>
public sealed class AidJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_requester_without_an_account_asks_and_accepts_and_a_volunteer_on_a_phone_helps()
    {
        var coordinator = await NewMemberPhoneAsync("aid-coordinator");
        await coordinator.GotoAsync(Url("/groups/new"));
        await coordinator.GetByLabel("Name").FillAsync("Kiez aid");
        await coordinator.Locator("input[name='Form.Kind'][value='Assembly']").CheckAsync();
        await coordinator.GetByLabel("How people join").SelectOptionAsync("Open");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await ExpectAtAsync(coordinator, "/groups/kiez-aid");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Mutual aid" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Turn on mutual aid" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Mutual aid is on.");
        await coordinator.GetByLabel("New area").FillAsync("Reuterkiez");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add" }).Last.ClickAsync();
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("The area is added.");
        await BrowserFixture.ScreenshotAsync(coordinator, "aid-settings");

        var requester = await NewPhoneAsync(javaScript: false);
        await requester.GotoAsync(Url("/groups/kiez-aid/aid/ask"));
        await requester.GetByLabel("What kind of help").SelectOptionAsync(new SelectOptionValue { Label = "groceries" });
        await requester.GetByLabel("Neighbourhood").SelectOptionAsync(new SelectOptionValue { Label = "Reuterkiez" });
        await requester.GetByLabel("How soon").SelectOptionAsync(new SelectOptionValue { Label = "today" });
        await requester.GetByLabel("What is needed").FillAsync("Bread, milk and cat food");
        await requester.GetByLabel("Phone or e-mail (optional)").FillAsync("0176 222 3333");
        await requester.GetByLabel("Address (optional)").FillAsync("Weserstr. 5, back house");
        await BrowserFixture.ScreenshotAsync(requester, "aid-ask");
        await requester.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).ClickAsync();
        await Assertions.Expect(requester.Locator("[data-testid=asked]")).ToContainTextAsync("Your request is in");
        await BrowserFixture.ScreenshotAsync(requester, "aid-asked");
        var follow = (await requester.Locator("[data-testid=follow-link]").GetAttributeAsync("href"))!;

        var volunteer = await NewMemberPhoneAsync("aid-volunteer");
        await volunteer.GotoAsync(Url("/groups/kiez-aid"));
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await volunteer.GetByRole(AriaRole.Link, new() { Name = "Mutual aid" }).ClickAsync();
        await volunteer.GetByLabel("Area").SelectOptionAsync(new SelectOptionValue { Label = "Reuterkiez" });
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(volunteer.Locator("[data-testid=need]")).ToHaveCountAsync(1);
        await Assertions.Expect(volunteer.Locator("main")).Not.ToContainTextAsync("Weserstr");
        await BrowserFixture.ScreenshotAsync(volunteer, "aid-board");
        await volunteer.GetByRole(AriaRole.Link, new() { Name = "groceries in Reuterkiez" }).ClickAsync();
        await volunteer.GetByLabel("I expect to help").SelectOptionAsync(new SelectOptionValue { Label = "within 6 hours" });
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "I can help" }).ClickAsync();
        await Assertions.Expect(volunteer.Locator("main")).ToContainTextAsync("The requester is asked to accept you");
        var needUrl = volunteer.Url;

        await requester.GotoAsync(follow);
        await Assertions.Expect(requester.Locator("[data-testid=claim]")).ToContainTextAsync("aid-volunteer");
        await BrowserFixture.ScreenshotAsync(requester, "aid-follow-offer");
        await requester.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(requester.Locator("main")).ToContainTextAsync("You accepted the offer");

        await volunteer.GotoAsync(needUrl);
        await Assertions.Expect(volunteer.Locator("[data-testid=address]")).ToHaveTextAsync("Weserstr. 5, back house");
        await volunteer.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("On my way, 20 minutes.");
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(volunteer.Locator("[data-testid=message]")).ToContainTextAsync("On my way, 20 minutes.");
        await BrowserFixture.ScreenshotAsync(volunteer, "aid-need-accepted");

        await requester.GotoAsync(follow);
        await Assertions.Expect(requester.Locator("[data-testid=message]")).ToContainTextAsync("On my way, 20 minutes.");
        await requester.GetByRole(AriaRole.Button, new() { Name = "Got it" }).ClickAsync();
        await Assertions.Expect(requester.Locator("[data-testid=status]")).ToHaveTextAsync("done");
        await BrowserFixture.ScreenshotAsync(requester, "aid-follow-done");

        await coordinator.GotoAsync(Url("/groups/kiez-aid/aid/dashboard"));
        await Assertions.Expect(coordinator.Locator("svg[role=img]")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(coordinator, "aid-dashboard");
    }
}
