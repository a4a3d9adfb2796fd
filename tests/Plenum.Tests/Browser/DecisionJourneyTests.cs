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
}
