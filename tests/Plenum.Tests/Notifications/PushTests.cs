using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Notifications;

/// <summary>A server whose push client reaches a local stand-in push service.</summary>
public sealed class PushServerFixture : IAsyncLifetime
{
    public PushServiceSink PushService { get; private set; } = null!;
    public PlenumServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        PushService = await PushServiceSink.StartAsync();
        Server = await PlenumServer.StartAsync(services: PushService.Trust);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await PushService.DisposeAsync();
    }
}

/// <summary>
/// Members who turned push on in a browser get each notice their group volume allows, encrypted for
/// that browser and signed with the instance's VAPID key, through its push service; never the proposal text.
/// </summary>
public sealed partial class PushTests(PushServerFixture fixture) : IClassFixture<PushServerFixture>
{
    PlenumServer Server => fixture.Server;
    PushServiceSink PushService => fixture.PushService;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    Task<(string Slug, WebSession Founder, WebSession[] Members)> GroupAsync(string name, int members) => Server.NewAssemblyAsync(name, members, "consent-circle");

    static async Task JoinAsync(WebSession who, string slug) => await who.SubmitAsync(await who.GetAsync($"/groups/{slug}"), "form[action*='Join']");

    async Task<string> ProposeAsync(WebSession who, string slug, string title)
    {
        var opened = await who.SubmitAsync(await who.GetAsync($"/groups/{slug}/decisions/new"), null, Fields(("ClassKey", "general"), ("Title", title),
            ("Text", "The secret plan is to " + title.ToLowerInvariant() + "."), ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.True(opened.Path.Contains("/decisions/") && !opened.Path.EndsWith("/new"), opened.Text);
        return opened.Path;
    }

    /// <summary>What the page's script does once the browser subscribed: posts the subscription through the page's form.</summary>
    async Task<PushReceiver> TurnOnPushAsync(WebSession who, string endpointPath)
    {
        var receiver = new PushReceiver();
        var page = await who.GetAsync("/notifications");
        var done = await who.SubmitAsync(page, "form[action*='PushSubscribe']",
            Fields(("Endpoint", PushService.Endpoint(endpointPath)), ("P256dh", receiver.P256dh), ("Auth", receiver.Auth)));
        Assert.Contains("Push notifications are on in this browser", done.Text);
        return receiver;
    }

    Task<int> SubscriptionsOfAsync(string pseudonym) =>
        Server.WithDbAsync(db => db.PushSubscriptions.CountAsync(s => db.Users.Any(u => u.Id == s.UserId && u.UserName == pseudonym)));

    [GeneratedRegex("^vapid t=(?<token>[^,]+), k=(?<key>[A-Za-z0-9_-]+)$")]
    private static partial Regex VapidHeader();

    [Fact]
    public async Task A_member_gets_an_encrypted_signed_notice_naming_the_group_and_title_but_not_the_proposal()
    {
        var (slug, founder, members) = await GroupAsync("Push crew", 1);
        var page = await members[0].GetAsync("/notifications");
        var form = page.Document.QuerySelector("#push-subscribe")!;
        var publicKey = form.GetAttribute("data-vapid-key")!;
        // Without JavaScript the form stays hidden and the note says why.
        Assert.True(form.HasAttribute("hidden"));
        var note = page.Document.QuerySelector("#push-needs-javascript")!;
        Assert.False(note.HasAttribute("hidden"));
        Assert.Contains("push is unavailable in this browser", Regex.Replace(note.TextContent, @"\s+", " "));
        using var browser = await TurnOnPushAsync(members[0], "/push/crew-member");

        var path = await ProposeAsync(founder, slug, "Buy a ladder");
        var message = Assert.Single(await PushService.WaitForAsync("/push/crew-member"));

        Assert.Equal("aes128gcm", message.Headers["Content-Encoding"]);
        Assert.Equal("86400", message.Headers["TTL"]);
        var vapid = VapidHeader().Match(message.Headers["Authorization"]);
        Assert.True(vapid.Success, message.Headers["Authorization"]);
        Assert.Equal(publicKey, vapid.Groups["key"].Value);
        var claims = VerifiedClaims(vapid.Groups["token"].Value, publicKey);
        Assert.Equal(PushService.BaseAddress.GetLeftPart(UriPartial.Authority), claims.GetProperty("aud").GetString());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(expires, Server.Clock.GetUtcNow(), Server.Clock.GetUtcNow().AddHours(24));
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("sub").GetString()));

        var payload = Encoding.UTF8.GetString(browser.Decrypt(message.Body));
        var notice = JsonDocument.Parse(payload).RootElement;
        Assert.Equal("Push crew", notice.GetProperty("group").GetString());
        Assert.Contains("Buy a ladder", notice.GetProperty("text").GetString());
        Assert.Equal(path, notice.GetProperty("url").GetString());
        Assert.DoesNotContain("secret plan", payload);
        Assert.DoesNotContain("Buy a ladder", Encoding.Latin1.GetString(message.Body)); // only the browser can read it

        // The founder turned nothing on, so nothing went anywhere for them; the member's browser shows a delivery.
        Assert.Equal(0, await SubscriptionsOfAsync("Push crew-founder"));
        await WaitUntilAsync(async () => (await members[0].GetAsync("/notifications")).Text.Contains("last notice delivered"));
    }

    [Fact]
    public async Task Push_follows_each_groups_volume()
    {
        var (quietSlug, quietFounder, quietMembers) = await GroupAsync("Quiet push crew", 1);
        var (busySlug, busyFounder, _) = await GroupAsync("Busy push crew", 0);
        var member = quietMembers[0];
        await JoinAsync(member, busySlug);
        await member.SubmitAsync(await member.GetAsync($"/groups/{quietSlug}/notifications"), null, Fields(("Volume", "None")));
        using var browser = await TurnOnPushAsync(member, "/push/volume-member");

        await ProposeAsync(quietFounder, quietSlug, "Repaint the sign");
        await ProposeAsync(busyFounder, busySlug, "Rent a hall");

        // Notices are pushed one after another, so one for the quiet group would have come first.
        var message = Assert.Single(await PushService.WaitForAsync("/push/volume-member"));
        Assert.Equal("Busy push crew", JsonDocument.Parse(browser.Decrypt(message.Body)).RootElement.GetProperty("group").GetString());
    }

    [Fact]
    public async Task A_browser_its_push_service_calls_gone_loses_its_subscription_and_logs_name_no_endpoint()
    {
        var (slug, founder, members) = await GroupAsync("Gone crew", 1);
        using var browser = await TurnOnPushAsync(members[0], "/gone/crew-member");
        Assert.Equal(1, await SubscriptionsOfAsync("Gone crew-member-0"));

        await ProposeAsync(founder, slug, "Fix the gate");
        await PushService.WaitForAsync("/gone/crew-member");
        await WaitUntilAsync(async () => await SubscriptionsOfAsync("Gone crew-member-0") == 0);
        Assert.Empty((await members[0].GetAsync("/notifications")).Document.QuerySelectorAll("[data-testid=push-browser]"));
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(PushService.BaseAddress.Authority) || line.Contains("/gone/"));
    }

    [Fact]
    public async Task A_member_removes_their_own_browsers_only_and_endpoints_are_stored_encrypted()
    {
        var (_, founder, members) = await GroupAsync("Removal crew", 1);
        using var browser = await TurnOnPushAsync(members[0], "/push/removal-member");
        var endpoints = await Server.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Endpoint\" AS \"Value\" FROM \"PushSubscriptions\"").ToListAsync());
        Assert.All(endpoints, stored => Assert.StartsWith("enc1:", stored));

        var page = await members[0].GetAsync("/notifications");
        var listed = Assert.Single(page.Document.QuerySelectorAll("[data-testid=push-browser]"));
        Assert.Contains("127.0.0.1", listed.TextContent);
        var id = listed.QuerySelector("input[name=id]")!.GetAttribute("value")!;

        // Another member's form with this id removes nothing.
        var forged = await founder.GetAsync("/notifications");
        await founder.Http.PostAsync("/notifications?handler=PushRemove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id, ["__RequestVerificationToken"] = forged.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(1, await SubscriptionsOfAsync("Removal crew-member-0"));

        var removed = await members[0].SubmitAsync(page, "form[action*='PushRemove']");
        Assert.Contains("That browser gets no more push notifications", removed.Text);
        Assert.Equal(0, await SubscriptionsOfAsync("Removal crew-member-0"));
    }

    [Fact]
    public async Task A_subscription_that_is_not_https_or_has_no_valid_keys_is_refused()
    {
        using var member = await Server.NewMemberAsync("push-refused");
        using var browser = new PushReceiver();
        async Task<string> TryAsync(string endpoint, string p256dh, string auth) =>
            (await member.SubmitAsync(await member.GetAsync("/notifications"), "form[action*='PushSubscribe']",
                Fields(("Endpoint", endpoint), ("P256dh", p256dh), ("Auth", auth)))).Text;

        Assert.Contains("no usable push address", await TryAsync("http://127.0.0.1:9/push/plain", browser.P256dh, browser.Auth));
        Assert.Contains("no usable push keys", await TryAsync(PushService.Endpoint("/push/x"), Base64Url.EncodeToString(new byte[65]), browser.Auth));
        Assert.Contains("no usable push keys", await TryAsync(PushService.Endpoint("/push/x"), browser.P256dh, "short"));
        Assert.Equal(0, await SubscriptionsOfAsync("push-refused"));
    }

    [Fact]
    public async Task The_vapid_private_key_is_kept_encrypted_and_readable_by_the_owner_only()
    {
        using var member = await Server.NewMemberAsync("push-key-check");
        await member.GetAsync("/notifications"); // the key pair exists by the time the page offers it
        var path = Path.Combine(Server.Options.KeysDir, "vapid.key");
        Assert.StartsWith("enc1:", await File.ReadAllTextAsync(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    /// <summary>Checks the ES256 signature with the key the header names, and returns the token's claims.</summary>
    static JsonElement VerifiedClaims(string token, string publicKey)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("ES256", JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.GetProperty("alg").GetString());
        var point = Base64Url.DecodeFromChars(publicKey);
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
        var signature = Base64Url.DecodeFromChars(parts[2]);
        Assert.Equal(64, signature.Length); // JWS wants r and s side by side, not DER
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256));
        return JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
    }

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The background push delivery did not finish in time.");
            await Task.Delay(50);
        }
    }
}
