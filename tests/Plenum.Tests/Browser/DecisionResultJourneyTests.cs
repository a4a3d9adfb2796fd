using Microsoft.Playwright;
using Plenum.Tests.Decisions;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Decisions.DecisionSteps;

namespace Plenum.Tests.Browser;

/// <summary>The results of an instant-runoff, an STV election and a Schulze decision, read on a small phone without JavaScript.</summary>
public sealed class DecisionResultJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task Results_of_rankings_elections_and_head_to_head_counts_read_on_a_small_phone()
    {
        var steps = new DecisionSteps(Server);
        var (slug, founder, members) = await steps.GroupAsync("Tenants union", "consent-circle", 7);
        WebSession[] voters = [founder, .. members];
        var election = await steps.ProposeChoiceAsync(founder, slug, "Delegates to the federation", "Election", "Ana Lima\nBo Chen\nCy Okafor\nDee Murphy-Santos", seats: 2);
        var runoff = await steps.ProposeChoiceAsync(founder, slug, "Name for the newsletter", "RankedChoice", "The Plenum\nRent Strike News\nOur Street\nTenant Voice");
        var schulze = await steps.ProposeChoiceAsync(founder, slug, "What we cook on Friday", "Condorcet", "Soup\nBread and cheese\nCurry");
        int[][] delegates = [[1, 2, 0, 0], [1, 2, 0, 0], [1, 0, 2, 0], [2, 1, 0, 0], [2, 1, 0, 0], [0, 2, 0, 1], [0, 0, 1, 2], [0, 0, 0, 1]];
        int[][] names = [[1, 0, 2, 3], [1, 2, 0, 0], [0, 0, 1, 2], [2, 0, 1, 0], [0, 1, 2, 0], [0, 0, 0, 1], [3, 0, 2, 1], [1, 0, 0, 2]];
        // Soup and Bread and cheese lead on first choices, but Curry wins every head-to-head contest.
        int[][] meals = [[1, 3, 2], [1, 3, 2], [1, 3, 2], [3, 1, 2], [3, 1, 2], [3, 1, 2], [2, 3, 1], [2, 3, 1]];
        for (var v = 0; v < voters.Length; v++)
        {
            await RankAsync(voters[v], election, delegates[v]);
            await RankAsync(voters[v], runoff, names[v]);
            await RankAsync(voters[v], schulze, meals[v]);
        }
        Server.Clock.Advance(TimeSpan.FromHours(49));

        var phone = await LoggedInPhoneAsync("Tenants union-founder");
        await phone.SetViewportSizeAsync(360, 740);
        foreach (var (path, shot, quotaLines) in new[] { (election, "results-stv-election", 3), (runoff, "results-irv", 0) })
        {
            await phone.GotoAsync(Url(path));
            var flow = phone.GetByRole(AriaRole.Img, new() { Name = "Votes round by round" });
            await Assertions.Expect(flow).ToBeVisibleAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Table, new() { Name = "Count round by round" })).ToBeVisibleAsync();
            await Assertions.Expect(phone.Locator("svg.flow line[stroke-dasharray]")).ToHaveCountAsync(quotaLines); // STV draws its quota, IRV not
            await AssertNoSidewaysPageScrollAsync(phone);
            await BrowserFixture.ScreenshotAsync(phone, shot);
        }

        await phone.GotoAsync(Url(schulze));
        await Assertions.Expect(phone.GetByRole(AriaRole.Table, new() { Name = "Head to head" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("Smith set");
        await AssertNoSidewaysPageScrollAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "results-schulze");
    }

    /// <summary>Wide charts and tables scroll inside their own box; the page itself must fit the phone.</summary>
    static async Task AssertNoSidewaysPageScrollAsync(IPage phone) =>
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
}
