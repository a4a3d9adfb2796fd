using Microsoft.Playwright;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>Discussing, mentioning and being notified, in a real browser on a phone-sized screen.</summary>
public sealed class DiscussionJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_member_starts_a_discussion_mentions_another_who_replies_and_sees_the_notice_of_a_proposal()
    {
        var host = await NewMemberPhoneAsync("kitchen-host");
        await host.GotoAsync(Url("/groups/new"));
        await host.GetByLabel("Name").FillAsync("Kitchen collective");
        await host.Locator("input[name='Form.Kind'][value='Assembly']").CheckAsync();
        await host.GetByLabel("How people join").SelectOptionAsync("Open");
        await host.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await host.WaitForURLAsync("**/groups/kitchen-collective");

        var cook = await NewMemberPhoneAsync("night-cook");
        await cook.GotoAsync(Url("/groups/kitchen-collective"));
        await cook.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(cook.GetByRole(AriaRole.Link, new() { Name = "Members (2)" })).ToBeVisibleAsync();

        await host.GotoAsync(Url("/groups/kitchen-collective/discussions/new"));
        await host.GetByLabel("Title").FillAsync("Sunday soup");
        await host.Locator("textarea").FillAsync("Who can cook on **Sunday**? @night-cook maybe?");
        await host.GetByRole(AriaRole.Button, new() { Name = "Start the discussion" }).ClickAsync();
        await Assertions.Expect(host.Locator("main strong")).ToHaveTextAsync("Sunday");
        await Assertions.Expect(host.Locator("a.mention")).ToHaveTextAsync("@night-cook");
        await BrowserFixture.ScreenshotAsync(host, "discussion-thread");

        await cook.GotoAsync(host.Url);
        await cook.Locator("#reply-form textarea").FillAsync("I can, from 6.");
        await cook.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(cook.Locator("main")).ToContainTextAsync("I can, from 6.");

        await host.GotoAsync(Url("/groups/kitchen-collective/discussions"));
        await Assertions.Expect(host.Locator("main")).ToContainTextAsync("Sunday soup");
        await BrowserFixture.ScreenshotAsync(host, "discussion-list");

        // A proposal from the host reaches the cook's notifications.
        await host.GotoAsync(Url("/groups/kitchen-collective/decisions"));
        await host.GetByLabel("Consent-based circle").CheckAsync();
        await host.GetByRole(AriaRole.Button, new() { Name = "Adopt this rulebook" }).ClickAsync();
        await Assertions.Expect(host.Locator("main")).ToContainTextAsync("The group has a rulebook");
        await host.GotoAsync(Url("/groups/kitchen-collective/decisions/new"));
        await host.GetByLabel("Title").FillAsync("Soup every Sunday");
        await host.GetByLabel("What you propose").FillAsync("We cook soup every Sunday.");
        await host.GetByRole(AriaRole.Button, new() { Name = "Open for a vote" }).ClickAsync();
        await Assertions.Expect(host.Locator("main")).ToContainTextAsync("Your proposal is open for a vote");

        await cook.GotoAsync(Url("/notifications"));
        await Assertions.Expect(cook.Locator("main")).ToContainTextAsync("Soup every Sunday");
        await BrowserFixture.ScreenshotAsync(cook, "notifications");
        await cook.GotoAsync(Url("/groups/kitchen-collective/notifications"));
        await BrowserFixture.ScreenshotAsync(cook, "notification-settings");
    }
}
