using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Plenum.Tests.Browser;

/// <summary>
/// The rules around a ballot, in a real browser on phones: a secret ballot's receipt, a rulebook
/// amended setting by setting and then used to vote by proxy, and a failed consensus tried again.
/// </summary>
public sealed class DecisionRulesJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_secret_ballot_shows_the_receipt_once_and_the_receipt_confirms_the_ballot_was_counted()
    {
        var founder = await NewMemberPhoneAsync("secret-founder");
        await NewGroupAsync(founder, "Rent strike committee", "rent-strike-committee", "Consent-based circle");
        var proposal = await ProposeAsync(founder, "rent-strike-committee", "Proposal", "Withhold the March rent", "We pay the March rent into the escrow account.",
            more: page => page.GetByRole(AriaRole.Checkbox, new() { Name = "Secret ballot" }).CheckAsync());
        await Assertions.Expect(founder.GetByText("secret ballot", new() { Exact = true })).ToBeVisibleAsync();
        var second = await NewMemberOfAsync("rent-strike-committee", "secret-second", 2);

        await founder.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
        var box = founder.GetByRole(AriaRole.Region, new() { Name = "Your secret ballot is in the box" });
        await Assertions.Expect(box).ToBeVisibleAsync();
        var receipt = (await box.GetByTestId("receipt").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", receipt);
        await ExpectErrorsAsync(founder);
        await BrowserFixture.ScreenshotAsync(founder, "rules-secret-receipt");

        await founder.GotoAsync(proposal);
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("You have voted. To change your secret ballot, give your receipt code with the new position.");
        await Assertions.Expect(box).ToHaveCountAsync(0);
        await Assertions.Expect(founder.Locator("main")).Not.ToContainTextAsync(receipt);

        await second.GotoAsync(proposal);
        await second.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await second.GetByRole(AriaRole.Textbox, new() { Name = "Reason" }).FillAsync("The landlord ignored every repair request.");
        await BrowserFixture.ScreenshotAsync(second, "rules-secret-ballot");
        await second.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Region, new() { Name = "Your secret ballot is in the box" }).GetByTestId("receipt")).Not.ToHaveTextAsync(receipt);

        await founder.GetByLabel("Receipt code", new() { Exact = true }).FillAsync("AAAA-BBBB-CCCC-DDDD");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Status)).ToHaveTextAsync("No ballot has that receipt code.");
        await ExpectErrorsAsync(founder);
        await founder.GetByLabel("Receipt code", new() { Exact = true }).FillAsync(receipt.ToLowerInvariant());
        await founder.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Status)).ToHaveTextAsync("The ballot with that receipt is in the box, counted as \"agree\".");

        PassTheDeadline();
        await founder.GotoAsync(proposal);
        await ExpectOutcomeAsync(founder, "passed");
        await ExpectRowAsync(founder.GetByRole(AriaRole.Table), "agree", "2");
        await Assertions.Expect(founder.GetByRole(AriaRole.Heading, new() { Name = "What was said (secret ballot: no names)" })).ToBeVisibleAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "The landlord ignored every repair request." })).ToHaveTextAsync("The landlord ignored every repair request.");
        await Assertions.Expect(founder.GetByRole(AriaRole.Heading, new() { Name = "Who said what" })).ToHaveCountAsync(0);
        await Assertions.Expect(founder.Locator("main")).Not.ToContainTextAsync("secret-second");
        await founder.GetByLabel("Receipt code", new() { Exact = true }).FillAsync(receipt);
        await founder.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Status)).ToHaveTextAsync("The ballot with that receipt is in the box, counted as \"agree\".");
        await BrowserFixture.ScreenshotAsync(founder, "rules-secret-results");
    }

    [Fact]
    public async Task An_amendment_allows_proxies_and_then_a_member_votes_for_another_all_without_javascript()
    {
        var founder = await NewMemberPhoneAsync("proxy-founder", javaScript: false);
        await NewGroupAsync(founder, "Housing co-op", "housing-co-op", "Consent-based circle");
        var second = await NewMemberOfAsync("housing-co-op", "proxy-second", 2, javaScript: false);
        var third = await NewMemberOfAsync("housing-co-op", "proxy-third", 3, javaScript: false);
        // Only members of 14 days may propose a rulebook change under this rulebook.
        Server.Clock.Advance(TimeSpan.FromDays(15));

        await founder.GotoAsync(Url("/groups/housing-co-op/rulebook"));
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Version 1 ");
        await founder.GetByRole(AriaRole.Link, new() { Name = "Propose an amendment" }).ClickAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Heading, new() { Name = "Amend the rulebook" })).ToBeVisibleAsync();
        var general = founder.Locator("details").Filter(new() { Has = founder.GetByText("General", new() { Exact = true }) });
        await Assertions.Expect(general).ToHaveCountAsync(1);
        await general.GetByLabel("Proxy votes one member may carry").FillAsync("1");
        await founder.GetByLabel("Why").FillAsync("Members on night shifts can still have their say.");
        await BrowserFixture.ScreenshotAsync(founder, "rules-amend-form");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Put the amendment to a vote" }).ClickAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Status)).ToContainTextAsync("Your amendment is open for a vote.");
        await Assertions.Expect(founder.GetByRole(AriaRole.Heading, new() { Name = "Amend the rulebook", Level = 1 })).ToBeVisibleAsync();
        var proposal = founder.Locator(".proposal");
        await Assertions.Expect(proposal).ToContainTextAsync("What changes:");
        await Assertions.Expect(proposal.GetByText(new Regex(@"^- General, rule: .* → .*; up to 1 proxy vote\(s\) per member\.$"))).ToBeVisibleAsync();
        await Assertions.Expect(proposal.GetByText(new Regex("^- "))).ToHaveCountAsync(1);
        var amendment = founder.Url;

        foreach (var voter in new[] { founder, second, third })
        {
            await voter.GotoAsync(amendment);
            await voter.GetByLabel("agree", new() { Exact = true }).CheckAsync();
            if (voter == second) await BrowserFixture.ScreenshotAsync(voter, "rules-amend-ballot");
            await CastAsync(voter);
        }
        PassTheDeadline();
        await founder.GotoAsync(amendment);
        await ExpectOutcomeAsync(founder, "passed");
        await BrowserFixture.ScreenshotAsync(founder, "rules-amend-results");
        await founder.GotoAsync(Url("/groups/housing-co-op/rulebook"));
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Version 2 ");
        await Assertions.Expect(founder.GetByRole(AriaRole.Row).Filter(new() { Has = founder.GetByRole(AriaRole.Rowheader, new() { Name = "General" }) }))
            .ToContainTextAsync("up to 1 proxy vote(s) per member");
        await Assertions.Expect(founder.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Version 1 " })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(founder, "rules-rulebook-v2");

        var stairs = await ProposeAsync(founder, "housing-co-op", "Proposal", "Paint the stairwell green", "We paint the stairwell green in May.");
        await second.GotoAsync(stairs);
        await second.GetByText("Can't vote? Hand your vote to another member").ClickAsync();
        await second.GetByLabel("Member to carry my vote").SelectOptionAsync(new SelectOptionValue { Label = "proxy-third" });
        await BrowserFixture.ScreenshotAsync(second, "rules-proxy-give");
        await second.GetByRole(AriaRole.Button, new() { Name = "Hand on my vote" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("Your vote is handed on.");
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Your vote is carried by proxy-third" })).ToBeVisibleAsync();

        await third.GotoAsync(stairs);
        await Assertions.Expect(third.GetByLabel("Vote for")).ToHaveValueAsync("");
        await third.GetByLabel("Vote for").SelectOptionAsync(new SelectOptionValue { Label = "proxy-second (by proxy)" });
        await third.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await BrowserFixture.ScreenshotAsync(third, "rules-proxy-ballot");
        await CastAsync(third, "The vote you carry by proxy is recorded.");
        await third.GetByLabel("Vote for").SelectOptionAsync(new SelectOptionValue { Label = "myself" });
        await third.GetByLabel("disagree", new() { Exact = true }).CheckAsync();
        await CastAsync(third);
        await founder.GotoAsync(stairs);
        await founder.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await CastAsync(founder);

        PassTheDeadline();
        await second.GotoAsync(stairs);
        await ExpectOutcomeAsync(second, "passed");
        var table = second.GetByRole(AriaRole.Table);
        await ExpectRowAsync(table, "agree", "2");
        await ExpectRowAsync(table, "disagree", "1");
        await Assertions.Expect(second.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "proxy-second (by proxy: proxy-third): agree" })).ToHaveCountAsync(1);
        await Assertions.Expect(second.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "proxy-third: disagree" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(second, "rules-proxy-results");
    }

    [Fact]
    public async Task A_failed_consensus_offers_round_two_on_a_form_filled_in_from_round_one()
    {
        var founder = await NewMemberPhoneAsync("round-founder");
        await NewGroupAsync(founder, "Squat assembly", "squat-assembly", "Affinity group consensus");
        var first = await ProposeAsync(founder, "squat-assembly", "Proposal", "Quiet hours from 9 pm", "Quiet in the house from 9 pm to 7 am.");
        var second = await NewMemberOfAsync("squat-assembly", "round-second", 2);
        await founder.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await CastAsync(founder);
        await second.GotoAsync(first);
        await second.GetByLabel("disagree", new() { Exact = true }).CheckAsync();
        await second.GetByRole(AriaRole.Textbox, new() { Name = "Reason" }).FillAsync("Too early for those of us on late shifts.");
        await BrowserFixture.ScreenshotAsync(second, "rules-consensus-ballot");
        await CastAsync(second);

        PassTheDeadline();
        await founder.GotoAsync(first);
        await ExpectOutcomeAsync(founder, "did not pass");
        await BrowserFixture.ScreenshotAsync(founder, "rules-consensus-failed");
        await founder.GetByRole(AriaRole.Link, new() { Name = "Try again: propose round 2" }).ClickAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Heading, new() { Name = "Propose something" })).ToBeVisibleAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("Round 2 of Quiet hours from 9 pm, which failed.");
        await Assertions.Expect(founder.GetByLabel("Title")).ToHaveValueAsync("Quiet hours from 9 pm");
        await Assertions.Expect(founder.GetByLabel("What you propose")).ToHaveValueAsync("Quiet in the house from 9 pm to 7 am.");
        await Assertions.Expect(founder.GetByRole(AriaRole.Radio, new() { Name = "General" })).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(founder, "rules-consensus-round2-form");
        await founder.GetByLabel("Title").FillAsync("Quiet hours from 10 pm");
        await founder.GetByLabel("What you propose").FillAsync("Quiet in the house from 10 pm to 7 am.");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Open for a vote" }).ClickAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Heading, new() { Name = "Quiet hours from 10 pm", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(founder.GetByText("round 2", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Link, new() { Name = "round 1" })).ToHaveAttributeAsync("href", new Uri(first).AbsolutePath);

        await founder.GotoAsync(first);
        await Assertions.Expect(founder.GetByRole(AriaRole.Link, new() { Name = "Round 2", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(founder.GetByRole(AriaRole.Link, new() { Name = "Try again: propose round 2" })).ToHaveCountAsync(0);
    }
}
