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

    protected Task<IPage> NewPhoneAsync(bool javaScript = true) => browser.NewPhoneAsync(Server, ForeignRequests, javaScript);

    /// <summary>A phone logged in as an existing account.</summary>
    protected async Task<IPage> LoggedInPhoneAsync(string pseudonym, bool javaScript = true)
    {
        var page = await NewPhoneAsync(javaScript);
        await page.GotoAsync(Url("/accounts/login"));
        await page.GetByLabel("Pseudonym").FillAsync(pseudonym);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(Url("/"));
        return page;
    }

    /// <summary>A new account, then a phone logged in as it.</summary>
    protected async Task<IPage> NewMemberPhoneAsync(string pseudonym)
    {
        (await Server.NewMemberAsync(pseudonym, Password)).Dispose();
        return await LoggedInPhoneAsync(pseudonym);
    }
}
