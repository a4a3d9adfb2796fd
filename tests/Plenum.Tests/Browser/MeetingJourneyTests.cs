using Microsoft.Playwright;

namespace Plenum.Tests.Browser;

/// <summary>A facilitator and a participant in one meeting, each on their own phone: what one does shows on the other's screen without reloading.</summary>
public sealed class MeetingJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task The_queue_hand_signals_and_a_live_vote_reach_both_screens_in_real_time()
    {
        var facilitator = await NewMemberPhoneAsync("square-facilitator");
        await NewGroupAsync(facilitator, "Square assembly", "square-assembly", "Majority with quorum");
        var participant = await NewMemberOfAsync("square-assembly", "square-neighbour", 2);

        await facilitator.GotoAsync(Url("/groups/square-assembly/meetings"));
        await facilitator.GetByText("Schedule a meeting").ClickAsync();
        await facilitator.GetByLabel("Title").FillAsync("Square assembly, June");
        await facilitator.GetByLabel("in person", new() { Exact = true }).CheckAsync();
        await facilitator.GetByLabel("Place").FillAsync("The fountain");
        await facilitator.GetByLabel("Agenda, one item per line").FillAsync("Benches\nMarket day");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator("h1")).ToHaveTextAsync("Square assembly, June");
        var meeting = facilitator.Url;

        await participant.GotoAsync(meeting);
        await participant.GetByRole(AriaRole.Button, new() { Name = "I'm here" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator("main")).ToContainTextAsync("1 present");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "go to this item" }).First.ClickAsync();
        await Assertions.Expect(participant.Locator("#current-item")).ToHaveTextAsync("Now: Benches");

        await participant.GetByRole(AriaRole.Button, new() { Name = "I want to speak" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator("#queue ~ ol")).ToContainTextAsync("square-neighbour");
        await participant.GetByRole(AriaRole.Button, new() { Name = "clarifying question" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator("[data-signal=ClarifyingQuestion]")).ToHaveTextAsync("question: 1");
        await BrowserFixture.ScreenshotAsync(facilitator, "meeting-facilitator");

        await facilitator.GetByText("Put a proposal on this item to the vote").ClickAsync();
        await facilitator.GetByLabel("What is proposed").FillAsync("We ask the city for two benches.");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Open the vote" }).ClickAsync();
        var participantItem = participant.Locator("section[aria-labelledby=current-item]");
        await Assertions.Expect(participantItem).ToContainTextAsync("open, vote now");
        await BrowserFixture.ScreenshotAsync(participant, "meeting-participant");

        await participantItem.GetByRole(AriaRole.Link).ClickAsync();
        await participant.GetByLabel("agree", new() { Exact = true }).CheckAsync();
        await participant.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Assertions.Expect(participant.Locator("main")).ToContainTextAsync("Your vote is recorded");
        await Assertions.Expect(facilitator.GetByTestId("meeting-voters")).ToHaveTextAsync("1 voted");

        await participant.GotoAsync(meeting);
        Server.Clock.Advance(TimeSpan.FromHours(25)); // the rulebook's shortest voting period
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Close the vote" }).ClickAsync();
        await Assertions.Expect(participantItem).ToContainTextAsync("outcome: passed");
        await BrowserFixture.ScreenshotAsync(participant, "meeting-outcome");
    }
}
