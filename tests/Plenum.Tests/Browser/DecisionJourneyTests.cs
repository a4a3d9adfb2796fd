using Microsoft.Playwright;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>A group adopts a rulebook, votes on a proposal and reads the outcome Plenum declares, in a real browser.</summary>
public sealed class DecisionJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_group_adopts_a_rulebook_votes_and_reads_the_declared_outcome()
    {
        var founder = await NewMemberPhoneAsync("assembly-founder");
        await founder.GotoAsync(Url("/groups/new"));
        await founder.GetByLabel("Name").FillAsync("Street assembly");
        await founder.Locator("input[name='Form.Kind'][value='Assembly']").CheckAsync();
        await founder.GetByLabel("How people join").SelectOptionAsync("Open");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await ExpectAtAsync(founder, "/groups/street-assembly");
        await founder.GetByRole(AriaRole.Link, new() { Name = "Decisions", Exact = true }).ClickAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Choose a starting rulebook");
        await BrowserFixture.ScreenshotAsync(founder, "decisions-choose-rulebook");
        await founder.GetByLabel("Consent-based circle").CheckAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = "Adopt this rulebook" }).ClickAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("The group has a rulebook");

        await founder.GetByRole(AriaRole.Link, new() { Name = "Propose something" }).ClickAsync();
        await founder.GetByLabel("Title").FillAsync("Block party on June 1");
        await founder.GetByLabel("What you propose").FillAsync("We hold a block party on June 1 in the courtyard.");
        await BrowserFixture.ScreenshotAsync(founder, "decisions-new");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Open for a vote" }).ClickAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Your proposal is open for a vote");
        var decisionUrl = founder.Url;

        var neighbour = await NewMemberPhoneAsync("assembly-neighbour");
        await neighbour.GotoAsync(Url("/groups/street-assembly"));
        await neighbour.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(neighbour.GetByRole(AriaRole.Link, new() { Name = "Members (2)" })).ToBeVisibleAsync();
        await neighbour.GotoAsync(decisionUrl);
        await neighbour.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await neighbour.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Assertions.Expect(neighbour.Locator("main")).ToContainTextAsync("Your vote is recorded");
        await BrowserFixture.ScreenshotAsync(neighbour, "decisions-voted");

        Server.Clock.Advance(TimeSpan.FromDays(8));
        await founder.ReloadAsync();
        await Assertions.Expect(founder.Locator("#outcome")).ToContainTextAsync("Outcome: passed");
        await BrowserFixture.ScreenshotAsync(founder, "decisions-outcome");
        await founder.GotoAsync(Url("/groups/street-assembly/agreements"));
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Block party on June 1");
    }

    [Fact]
    public async Task A_ranked_choice_is_ranked_without_javascript_and_its_rounds_are_shown()
    {
        var founder = await NewMemberPhoneAsync("ranking-founder", javaScript: false);
        await founder.GotoAsync(Url("/groups/new"));
        await founder.GetByLabel("Name").FillAsync("Ranking circle");
        await founder.Locator("input[name='Form.Kind'][value='Assembly']").CheckAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await ExpectAtAsync(founder, "/groups/ranking-circle");
        await founder.GotoAsync(Url("/groups/ranking-circle/decisions"));
        await founder.GetByLabel("Majority with quorum").CheckAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = "Adopt this rulebook" }).ClickAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("The group has a rulebook");
        await founder.GotoAsync(Url("/groups/ranking-circle/decisions/new"));
        await founder.GetByLabel("Kind of ballot").SelectOptionAsync("RankedChoice");
        await founder.GetByLabel("Title").FillAsync("Where to meet");
        await founder.GetByLabel("What you propose").FillAsync("Our regular meeting place.");
        await founder.GetByLabel("Options or candidates").FillAsync("Library\nCommunity hall\nPark");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Open for a vote" }).ClickAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Rank the options");
        await founder.GetByLabel("Rank for Community hall").FillAsync("1");
        await founder.GetByLabel("Rank for Park").FillAsync("2");
        await BrowserFixture.ScreenshotAsync(founder, "decisions-ranked-ballot");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Your vote is recorded");

        Server.Clock.Advance(TimeSpan.FromDays(8));
        await founder.ReloadAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Chosen: Community hall");
        await Assertions.Expect(founder.GetByRole(AriaRole.Columnheader, new() { Name = "Round 1" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(founder, "decisions-ranked-count");
    }

    [Fact]
    public async Task An_open_decision_page_shows_new_votes_without_a_reload()
    {
        using var founderSession = await Server.NewMemberAsync("live-founder", Password);
        var created = await founderSession.SubmitAsync(await founderSession.GetAsync("/groups/new"), null,
            new Dictionary<string, string> { ["Form.Name"] = "Live assembly", ["Form.Kind"] = "Assembly", ["Form.JoinPolicy"] = "Open" });
        var slug = created.Path.Split('/')[2];
        await founderSession.SubmitAsync(await founderSession.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']",
            new Dictionary<string, string> { ["template"] = "consent-circle" });
        var opened = await founderSession.SubmitAsync(await founderSession.GetAsync($"/groups/{slug}/decisions/new"), null, new Dictionary<string, string>
        {
            ["ClassKey"] = "general", ["Title"] = "Open the garden on Sundays", ["Text"] = "The garden opens on Sundays from ten.",
            ["ClosesAt"] = Server.Clock.GetUtcNow().UtcDateTime.AddDays(2).ToString("yyyy-MM-ddTHH:mm"),
        });
        using (var neighbourSession = await Server.NewMemberAsync("live-neighbour", Password))
            await neighbourSession.SubmitAsync(await neighbourSession.GetAsync($"/groups/{slug}"), "form[action*='Join']");

        var founder = await LoggedInPhoneAsync("live-founder");
        var sockets = new List<string>();
        var errors = new List<string>();
        var watching = new TaskCompletionSource();
        founder.WebSocket += (_, socket) =>
        {
            sockets.Add(socket.Url);
            // SignalR's completion message: the hub answered Watch, so this page now hears votes.
            socket.FrameReceived += (_, frame) => { if (frame.Text?.Contains("\"type\":3") == true) watching.TrySetResult(); };
        };
        founder.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await founder.GotoAsync(Url(opened.Path));
        await founder.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Assertions.Expect(founder.Locator("#voters")).ToHaveTextAsync("1 voted.");
        // Marks this very document: a reload would lose it.
        await founder.EvaluateAsync("() => { window.plenumNotReloaded = true; }");
        await watching.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var neighbour = await LoggedInPhoneAsync("live-neighbour");
        await neighbour.GotoAsync(Url(opened.Path));
        await neighbour.GetByLabel("disagree", new() { Exact = true }).CheckAsync();
        await neighbour.GetByLabel("Reason").FillAsync("Sunday is the quiet day.");
        await neighbour.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Assertions.Expect(neighbour.Locator("main")).ToContainTextAsync("Your vote is recorded");

        await Assertions.Expect(founder.Locator("#voters")).ToHaveTextAsync("2 voted.");
        await Assertions.Expect(founder.Locator("#results")).ToContainTextAsync("Sunday is the quiet day.");
        Assert.True(await founder.EvaluateAsync<bool>("() => window.plenumNotReloaded === true"));
        await BrowserFixture.ScreenshotAsync(founder, "decisions-live-count");
        Assert.All(sockets, url => Assert.StartsWith(Url("/hubs/decisions").Replace("http://", "ws://"), url));
        // The policy lets the page's own socket and scripts through ('self' covers ws: to the same host).
        Assert.DoesNotContain(errors, e => e.Contains("connect-src") || e.Contains("script-src"));
    }
}
