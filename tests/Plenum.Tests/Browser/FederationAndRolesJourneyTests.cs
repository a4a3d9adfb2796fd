using Microsoft.Playwright;

namespace Plenum.Tests.Browser;

/// <summary>The federation, roles and meetings pages on a phone, without JavaScript: joining a federation, a rotating role, a draw by lot, and a meeting's minutes.</summary>
public sealed class FederationAndRolesJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_group_joins_a_federation_rotates_a_role_draws_by_lot_and_reads_its_minutes()
    {
        var tenants = await NewMemberPhoneAsync("tenant-coordinator", javaScript: false);
        await NewGroupAsync(tenants, "Tenants of Elm Street", "tenants-of-elm-street", "Consent-based circle");
        var council = await NewMemberPhoneAsync("council-coordinator", javaScript: false);
        await council.GotoAsync(Url("/groups/new"));
        await council.GetByLabel("Name").FillAsync("Housing council");
        await council.GetByLabel("Federation").CheckAsync();
        await council.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await ExpectAtAsync(council, "/groups/housing-council");

        await tenants.GotoAsync(Url("/groups/tenants-of-elm-street/federations"));
        await tenants.GetByLabel("Federation address (the part after /groups/)").FillAsync("no-such-federation");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await ExpectErrorsAsync(tenants, "There is no federation with that address.");
        await tenants.GetByLabel("Federation address (the part after /groups/)").FillAsync("housing-council");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Assertions.Expect(tenants.GetByRole(AriaRole.Status)).ToContainTextAsync("The federation's coordinators have your request");
        await council.GotoAsync(Url("/groups/housing-council/federations"));
        await council.GetByRole(AriaRole.Button, new() { Name = "Accept Tenants of Elm Street" }).ClickAsync();
        await Assertions.Expect(council.GetByRole(AriaRole.Region, new() { Name = "Member groups (1)" })).ToContainTextAsync("Tenants of Elm Street");
        await BrowserFixture.ScreenshotAsync(council, "federation-members");
        await tenants.GotoAsync(Url("/groups/tenants-of-elm-street/federations"));
        await Assertions.Expect(tenants.GetByRole(AriaRole.Heading, new() { Name = "Member of Housing council" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(tenants, "federation-member-group");

        await tenants.GotoAsync(Url("/groups/tenants-of-elm-street/roles"));
        await tenants.GetByText("Set up a role").ClickAsync();
        await tenants.GetByLabel("Name").FillAsync("x");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Set up the role" }).ClickAsync();
        await ExpectErrorsAsync(tenants, "Give the role a name of 2 to 60 characters.");
        // The form stays open with what was typed, so only the mistake needs changing.
        await Assertions.Expect(tenants.GetByLabel("Name")).ToHaveValueAsync("x");
        await tenants.GetByLabel("Name").FillAsync("facilitator");
        await tenants.GetByLabel("Days per term").FillAsync("14");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Set up the role" }).ClickAsync();
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Hand over to tenant-coordinator" }).ClickAsync();
        await Assertions.Expect(tenants.Locator("main")).ToContainTextAsync("Held by tenant-coordinator until");

        await tenants.GetByText("Announce a draw").ClickAsync();
        await tenants.GetByLabel("What it is for").FillAsync("One person for the repairs panel");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Announce" }).ClickAsync();
        await tenants.GetByRole(AriaRole.Button, new() { Name = "I volunteer" }).ClickAsync();
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Draw now" }).ClickAsync();
        await Assertions.Expect(tenants.Locator("main")).ToContainTextAsync("Selected: tenant-coordinator");
        await Assertions.Expect(tenants.Locator("main")).ToContainTextAsync("plenum draw --seed");
        await BrowserFixture.ScreenshotAsync(tenants, "roles-and-draws");

        await tenants.GotoAsync(Url("/groups/tenants-of-elm-street/meetings"));
        await tenants.GetByText("Schedule a meeting").ClickAsync();
        await tenants.GetByLabel("Title").FillAsync("Building meeting");
        await tenants.GetByLabel("online", new() { Exact = true }).CheckAsync();
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await ExpectErrorsAsync(tenants, "Give the online meeting's full link.");
        // The form stays open with what was typed, so only the mistake needs changing.
        await Assertions.Expect(tenants.GetByLabel("Title")).ToHaveValueAsync("Building meeting");
        await tenants.GetByLabel("in person", new() { Exact = true }).CheckAsync();
        await tenants.GetByLabel("Place").FillAsync("Laundry room");
        await tenants.GetByLabel("Agenda, one item per line").FillAsync("Boiler");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(tenants.Locator("h1")).ToHaveTextAsync("Building meeting");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "go to this item" }).ClickAsync();
        await tenants.GetByLabel("Notes for the minutes").FillAsync("The boiler is fixed on Monday.");
        await tenants.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await tenants.GotoAsync(Url("/groups/tenants-of-elm-street/meetings"));
        await BrowserFixture.ScreenshotAsync(tenants, "meetings-list");
        await tenants.GetByRole(AriaRole.Link, new() { Name = "Building meeting" }).ClickAsync();
        await tenants.GetByRole(AriaRole.Link, new() { Name = "minutes" }).ClickAsync();
        await Assertions.Expect(tenants.Locator("main")).ToContainTextAsync("The boiler is fixed on Monday.");
        await BrowserFixture.ScreenshotAsync(tenants, "meeting-minutes");

        await tenants.GotoAsync(Url("/groups/tenants-of-elm-street/rulebook/amend"));
        await BrowserFixture.ScreenshotAsync(tenants, "rulebook-amend");
    }
}
