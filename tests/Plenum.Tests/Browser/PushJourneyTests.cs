using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>A stand-in push service shared by a class's tests.</summary>
public sealed class PushServiceFixture : IAsyncLifetime
{
    public PushServiceSink PushService { get; private set; } = null!;
    public async Task InitializeAsync() => PushService = await PushServiceSink.StartAsync();
    public async Task DisposeAsync() => await PushService.DisposeAsync();
}

/// <summary>
/// Turning push on from the notifications page in a real browser: the page's script registers
/// Plenum's service worker and hands the subscription to the server. Only the browser's own push
/// service is stood in for (it would be Google's, out of reach here); everything else is real.
/// </summary>
public sealed class PushJourneyTests(BrowserFixture browser, PushServiceFixture push) : BrowserJourney(browser), IClassFixture<PushServiceFixture>
{
    PushServiceSink PushService => push.PushService;

    protected override Task<PlenumServer> StartServerAsync() => PlenumServer.StartAsync(services: PushService.Trust);

    [Fact]
    public async Task Push_is_turned_on_with_javascript_and_explained_without_it()
    {
        using (var founderSession = await Server.NewMemberAsync("push-founder", Password))
        {
            var created = await founderSession.SubmitAsync(await founderSession.GetAsync("/groups/new"), null,
                new Dictionary<string, string> { ["Form.Name"] = "Push assembly", ["Form.Kind"] = "Assembly", ["Form.JoinPolicy"] = "Open" });
            await founderSession.SubmitAsync(await founderSession.GetAsync($"{created.Path}/decisions"), "form[action*='Adopt']",
                new Dictionary<string, string> { ["template"] = "consent-circle" });
        }
        (await Server.NewMemberAsync("push-member", Password)).Dispose();

        var withoutScript = await LoggedInPhoneAsync("push-member", javaScript: false);
        await withoutScript.GotoAsync(Url("/notifications"));
        await Assertions.Expect(withoutScript.Locator("#push-needs-javascript")).ToBeVisibleAsync();
        await Assertions.Expect(withoutScript.GetByRole(AriaRole.Button, new() { Name = "Turn on push in this browser" })).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(withoutScript, "notifications-push-without-javascript");

        using var receiver = new PushReceiver();
        var phone = await LoggedInPhoneAsync("push-member");
        await phone.Context.GrantPermissionsAsync(["notifications"], new() { Origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority) });
        // The one stand-in: what the browser's push service would hand back when subscribing.
        await phone.AddInitScriptAsync($$"""
            PushManager.prototype.subscribe = async function (options) {
              sessionStorage.setItem('pushKeyLength', options.applicationServerKey.byteLength);
              return { toJSON: () => ({ endpoint: '{{PushService.Endpoint("/push/browser-journey")}}', keys: { p256dh: '{{receiver.P256dh}}', auth: '{{receiver.Auth}}' } }) };
            };
            """);
        await phone.GotoAsync(Url("/groups/push-assembly"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("You joined");
        // Reached in place (htmx), as a member usually would: the page's script must run all the same.
        await phone.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await phone.WaitForURLAsync(Url("/notifications"));
        await Assertions.Expect(phone.Locator("#push-needs-javascript")).ToBeAttachedAsync();
        await Assertions.Expect(phone.Locator("#push-needs-javascript")).ToBeHiddenAsync();
        var turnOn = phone.GetByRole(AriaRole.Button, new() { Name = "Turn on push in this browser" });
        await Assertions.Expect(turnOn).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "notifications-push-off");

        await turnOn.ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("Push notifications are on in this browser");
        await Assertions.Expect(phone.Locator("[data-testid=push-browser]")).ToContainTextAsync("127.0.0.1");
        Assert.Equal("65", await phone.EvaluateAsync<string>("() => sessionStorage.getItem('pushKeyLength')")); // the instance's P-256 key
        Assert.Equal(Url("/push-worker.js"), await phone.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).active.scriptURL"));
        await BrowserFixture.ScreenshotAsync(phone, "notifications-push-on");

        using (var founderSession = Server.NewSession())
        {
            await founderSession.LoginAsync("push-founder", Password);
            await founderSession.SubmitAsync(await founderSession.GetAsync("/groups/push-assembly/decisions/new"), null, new Dictionary<string, string>
            {
                ["ClassKey"] = "general", ["Title"] = "Buy a bench", ["Text"] = "A bench for the yard.",
                ["ClosesAt"] = Server.Clock.GetUtcNow().UtcDateTime.AddDays(2).ToString("yyyy-MM-ddTHH:mm"),
            });
        }
        var message = Assert.Single(await PushService.WaitForAsync("/push/browser-journey"));
        var notice = JsonDocument.Parse(Encoding.UTF8.GetString(receiver.Decrypt(message.Body))).RootElement;
        Assert.Equal("Push assembly", notice.GetProperty("group").GetString());
        Assert.Contains("Buy a bench", notice.GetProperty("text").GetString());
    }
}
