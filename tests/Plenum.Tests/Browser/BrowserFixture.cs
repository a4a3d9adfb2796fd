using Microsoft.Playwright;

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
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
