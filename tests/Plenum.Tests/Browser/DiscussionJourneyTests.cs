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

    [Fact]
    public async Task A_member_attaches_a_photo_and_a_list_to_a_reply_and_another_sees_and_opens_them()
    {
        var host = await NewMemberPhoneAsync("garden-host");
        await host.GotoAsync(Url("/groups/new"));
        await host.GetByLabel("Name").FillAsync("Garden assembly");
        await host.Locator("input[name='Form.Kind'][value='Assembly']").CheckAsync();
        await host.GetByLabel("How people join").SelectOptionAsync("Open");
        await host.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await host.WaitForURLAsync("**/groups/garden-assembly");
        await host.GotoAsync(Url("/groups/garden-assembly/discussions/new"));
        await host.GetByLabel("Title").FillAsync("Broken fence");
        await host.Locator("textarea").FillAsync("The fence at the back gate is broken again.");
        await host.GetByRole(AriaRole.Button, new() { Name = "Start the discussion" }).ClickAsync();
        await Assertions.Expect(host.Locator("h1")).ToHaveTextAsync("Broken fence");

        var neighbour = await NewMemberPhoneAsync("fence-neighbour");
        await neighbour.GotoAsync(Url("/groups/garden-assembly"));
        await neighbour.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(neighbour.GetByRole(AriaRole.Link, new() { Name = "Members (2)" })).ToBeVisibleAsync();
        await neighbour.GotoAsync(host.Url);
        await neighbour.Locator("#reply-form textarea").FillAsync("Here is how it looks, and what we need.");
        await neighbour.GetByLabel("Attach files").SetInputFilesAsync(new FilePayload { Name = "fence.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A] });
        await neighbour.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(neighbour.Locator("#reply-form")).ToContainTextAsync("“fence.exe” is not a kind of file Plenum takes.");
        await Assertions.Expect(neighbour.Locator("#reply-form textarea")).ToHaveValueAsync("Here is how it looks, and what we need.");
        await BrowserFixture.ScreenshotAsync(neighbour, "discussion-attachment-refused");
        await neighbour.GetByLabel("Attach files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "fence.png", MimeType = "image/png", Buffer = SmallPng },
            new FilePayload { Name = "materials.csv", MimeType = "text/csv", Buffer = "item,count\nposts,4\nwire (m),20\n"u8.ToArray() },
        });
        await neighbour.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(neighbour.Locator("main")).ToContainTextAsync("Here is how it looks");

        await host.ReloadAsync();
        var files = host.Locator("article.post[id^='reply-'] ul.attachments");
        await Assertions.Expect(files.GetByRole(AriaRole.Link, new() { Name = "fence.png" })).ToBeVisibleAsync();
        await Assertions.Expect(files.GetByRole(AriaRole.Link, new() { Name = "materials.csv" })).ToBeVisibleAsync();
        // The thumbnail really loaded: an image that failed would have no natural width.
        var thumbnail = files.Locator("img.thumbnail");
        await Assertions.Expect(thumbnail).ToBeVisibleAsync();
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await files.GetByRole(AriaRole.Link, new() { Name = "fence.png" }).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(host, "discussion-attachments");

        var download = await host.RunAndWaitForDownloadAsync(() => files.GetByRole(AriaRole.Link, new() { Name = "materials.csv" }).ClickAsync());
        Assert.Equal("materials.csv", download.SuggestedFilename);
        Assert.Equal("item,count\nposts,4\nwire (m),20\n", await File.ReadAllTextAsync((await download.PathAsync())!));
    }

    /// <summary>A real 48×32 PNG (a green field with a brown bar), so the thumbnail has something to show.</summary>
    static readonly byte[] SmallPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAP0lEQVR42u3UMQ0AIAwAwSpBCXODJJSgFw0kJelwyQu46SPPbFUAAQEBAQE9gvYarQICAvoOMkYgICAgIKDaLpirRDsB+8EOAAAAAElFTkSuQmCC");
}
