using Microsoft.Playwright;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (./test.sh installs it and sets PLENUM_CHROMIUM).
/// Background networking is off: the browser must make no request but to Plenum.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("PLENUM_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException($"No Chromium at {chromium}: run the tests with ./test.sh, which installs it.");
        _playwright = await Playwright.CreateAsync();
        // Playwright's 5 s default is too short on a 2-core CI machine running the whole suite against PostgreSQL.
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>
    /// A new phone-sized browser with its own cookies; any request not to <paramref name="server"/> lands in <paramref name="foreignRequests"/>.
    /// With <paramref name="javaScript"/> false the pages run no script at all, as for someone who turned it off.
    /// </summary>
    public async Task<IPage> NewPhoneAsync(PlenumServer server, List<string> foreignRequests, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        var own = server.BaseAddress.ToString().TrimEnd('/');
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(own, StringComparison.Ordinal)) foreignRequests.Add(request.Url);
        };
        return page;
    }

    /// <summary>Saves a full-page screenshot when PLENUM_SCREENSHOTS names a folder, for looking at pages by eye.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PLENUM_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
