using Microsoft.Playwright;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>
/// Base of browser journeys: a fresh server per test, phone-sized browsers, and a check at the end
/// that no page asked anything of another host.
/// </summary>
public abstract class BrowserJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    protected const string Password = "correct horse battery";
    protected PlenumServer Server { get; private set; } = null!;
    protected BrowserFixture Browser => browser;
    protected List<string> ForeignRequests { get; } = [];

    public async Task InitializeAsync() => Server = await StartServerAsync();

    /// <summary>The server for one test; a journey that needs it configured otherwise starts its own.</summary>
    protected virtual Task<PlenumServer> StartServerAsync() => PlenumServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Assert.Empty(ForeignRequests);
    }

    protected string Url(string path) => new Uri(Server.BaseAddress, path).ToString();

    /// <param name="javaScript">false for a browser that runs no script, to show a page works without it.</param>
    protected Task<IPage> NewPhoneAsync(bool javaScript = true) => browser.NewPhoneAsync(Server, ForeignRequests, javaScript);

    /// <summary>A phone logged in as an existing account.</summary>
    protected async Task<IPage> LoggedInPhoneAsync(string pseudonym, bool javaScript = true)
    {
        var page = await NewPhoneAsync(javaScript);
        await page.GotoAsync(Url("/accounts/login"));
        await page.GetByLabel("Pseudonym").FillAsync(pseudonym);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await ExpectAtAsync(page, "/");
        return page;
    }

    /// <summary>
    /// Waits until <paramref name="page"/> is at <paramref name="path"/>. Page.WaitForURLAsync can miss the load
    /// event it then waits for and time out (microsoft/playwright-dotnet#3364); this only watches the address.
    /// </summary>
    protected Task ExpectAtAsync(IPage page, string path) => Assertions.Expect(page).ToHaveURLAsync(Url(path), new() { Timeout = 30_000 });

    /// <summary>A new account, then a phone logged in as it.</summary>
    protected async Task<IPage> NewMemberPhoneAsync(string pseudonym, bool javaScript = true)
    {
        (await Server.NewMemberAsync(pseudonym, Password)).Dispose();
        return await LoggedInPhoneAsync(pseudonym, javaScript);
    }

    // Steps of decision journeys, each through the pages a member uses.

    /// <summary>Creates an open assembly through the form and adopts the starting rulebook named <paramref name="rulebook"/>.</summary>
    protected async Task NewGroupAsync(IPage founder, string name, string slug, string rulebook)
    {
        await founder.GotoAsync(Url("/groups/new"));
        await founder.GetByLabel("Name").FillAsync(name);
        await founder.GetByLabel("Assembly").CheckAsync();
        await founder.GetByLabel("How people join").SelectOptionAsync("Open");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await ExpectAtAsync(founder, $"/groups/{slug}");
        await founder.GotoAsync(Url($"/groups/{slug}/decisions"));
        await founder.GetByLabel(rulebook).CheckAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = "Adopt this rulebook" }).ClickAsync();
        await Assertions.Expect(founder.Locator("main")).ToContainTextAsync("The group has a rulebook");
    }

    /// <summary>A new account on its own phone that joins the open group <paramref name="slug"/> as its <paramref name="nth"/> member.</summary>
    protected async Task<IPage> NewMemberOfAsync(string slug, string pseudonym, int nth, bool javaScript = true)
    {
        var page = await NewMemberPhoneAsync(pseudonym, javaScript);
        await page.GotoAsync(Url($"/groups/{slug}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Members ({nth})" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// Opens a decision through the "Propose something" form: the kind of ballot as the form names it,
    /// options one per line, and whatever else <paramref name="more"/> fills in. Returns its address.
    /// </summary>
    protected async Task<string> ProposeAsync(IPage page, string slug, string ballot, string title, string text,
        string? options = null, Func<IPage, Task>? more = null)
    {
        await page.GotoAsync(Url($"/groups/{slug}/decisions/new"));
        await page.GetByLabel("Kind of ballot").SelectOptionAsync(new SelectOptionValue { Label = ballot });
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("What you propose").FillAsync(text);
        if (options is not null) await page.GetByLabel("Options or candidates").FillAsync(options);
        if (more is not null) await more(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for a vote" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is open for a vote");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/groups/{slug}/decisions/[0-9a-f-]{{36}}$"));
        return page.Url;
    }

    /// <summary>Sends the ballot as filled in and waits for Plenum to say it is recorded.</summary>
    protected static async Task CastAsync(IPage page, string recorded = "Your vote is recorded")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(recorded);
    }

    /// <summary>Moves the server's clock past any deadline the "Propose something" form offers (7 days ahead by default).</summary>
    protected void PassTheDeadline() => Server.Clock.Advance(TimeSpan.FromDays(8));

    /// <summary>
    /// The errors listed above a form (its validation summary) are exactly <paramref name="messages"/>, or with none given, that no error is listed.
    /// Check for none only once the page shows what it should, or it passes before the page has come.
    /// </summary>
    protected static Task ExpectErrorsAsync(IPage page, params string[] messages) => messages.Length == 0
        ? Assertions.Expect(page.Locator(".validation-summary-errors")).ToHaveCountAsync(0)
        : Assertions.Expect(page.Locator(".validation-summary-errors").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(messages);

    protected static Task ExpectOutcomeAsync(IPage page, string outcome) =>
        Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Outcome: {outcome}", Exact = true })).ToBeVisibleAsync();

    /// <summary>Asserts the one row of <paramref name="table"/> that starts with <paramref name="first"/> (its header or first cell) reads <paramref name="first"/>, then <paramref name="cells"/>.</summary>
    protected static async Task ExpectRowAsync(ILocator table, string first, params string[] cells)
    {
        var starts = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = first, Exact = true }).Or(table.Page.GetByRole(AriaRole.Cell, new() { Name = first, Exact = true }));
        var row = table.GetByRole(AriaRole.Row).Filter(new() { Has = starts });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // Contains, not equals: a chosen option's cell also says "chosen" for screen readers.
        await Assertions.Expect(row.GetByRole(AriaRole.Rowheader).Or(row.GetByRole(AriaRole.Cell))).ToContainTextAsync([first, .. cells]);
    }
}
