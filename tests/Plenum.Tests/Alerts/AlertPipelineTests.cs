using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Plenum.Alerts;
using Plenum.Alerts.Channels;
using Plenum.Data;
using Plenum.Notifications.Push;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Alerts;

/// <summary>A server whose push client reaches a local push service, and a local SMS/Signal gateway for its networks.</summary>
public sealed class AlertPipelineFixture : IAsyncLifetime
{
    public PushServiceSink PushService { get; private set; } = null!;
    public WebhookSink Gateway { get; private set; } = null!;
    public PlenumServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        PushService = await PushServiceSink.StartAsync();
        Gateway = await WebhookSink.StartAsync();
        Server = await PlenumServer.StartAsync(services: PushService.Trust);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Gateway.DisposeAsync();
        await PushService.DisposeAsync();
    }
}

/// <summary>
/// A report reaches responders only after enough verifiers confirm it, then every on-call responder of the zone
/// on the channels they chose; updates reach exactly those told before; roll-calls widen until filled; a missed
/// check-in alarms dispatchers and legal support; nothing saved is lost if sending was interrupted.
/// </summary>
public sealed class AlertPipelineTests(AlertPipelineFixture fixture) : IClassFixture<AlertPipelineFixture>
{
    PlenumServer Server => fixture.Server;
    WebhookSink Gateway => fixture.Gateway;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    sealed record Net(string Slug, Guid GroupId, string Founder, WebSession FounderSession, WebSession[] Sessions, Guid North, Guid South)
    {
        public string Member(int i) => $"{Founder[..^"-founder".Length]}-member-{i}";
    }

    async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Server.App.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    Task WithAsync(Func<IServiceProvider, Task> work) => WithAsync(async s => { await work(s); return 0; });

    async Task<Net> NetworkAsync(string name, int members, Action<AlertNetwork>? configure = null)
    {
        var (slug, founder, sessions) = await Server.NewAssemblyAsync(name, members);
        var groupId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync());
        var zones = await WithAsync(async s =>
        {
            var network = await s.GetRequiredService<AlertRoster>().StartAsync(groupId, ["North", "South"]);
            network.WebhookUrl = Gateway.Url.ToString();
            network.WebhookSecret = $"{name} secret";
            configure?.Invoke(network);
            await s.GetRequiredService<PlenumDb>().SaveChangesAsync();
            return (await s.GetRequiredService<AlertNetworks>().ZonesAsync(groupId)).ToDictionary(z => z.Name, z => z.Id);
        });
        return new Net(slug, groupId, $"{name}-founder", founder, sessions, zones["North"], zones["South"]);
    }

    Task<Guid> UserIdAsync(string pseudonym) => Server.WithDbAsync(db => db.Users.Where(u => u.UserName == pseudonym).Select(u => u.Id).SingleAsync());

    async Task DutiesAsync(Net net, string pseudonym, AlertDuty duties)
    {
        var userId = await UserIdAsync(pseudonym);
        await WithAsync(s => s.GetRequiredService<AlertRoster>().SetDutiesAsync(net.GroupId, userId, duties));
    }

    /// <summary>A shift starting <paramref name="startsIn"/> from now (negative: running now), eight hours long.</summary>
    async Task ShiftAsync(Net net, string pseudonym, Guid zoneId, string? role = null, TimeSpan? startsIn = null)
    {
        var userId = await UserIdAsync(pseudonym);
        var start = Server.Clock.GetUtcNow() + (startsIn ?? TimeSpan.FromHours(-1));
        await WithAsync(s => s.GetRequiredService<AlertRoster>().AddShiftAsync(net.GroupId, userId, zoneId, role, start, start.AddHours(8)));
    }

    async Task ProfileAsync(Net net, string pseudonym, string channels, string? gateway = null, params string[] skills)
    {
        var userId = await UserIdAsync(pseudonym);
        await WithAsync(async s =>
        {
            var network = (await s.GetRequiredService<AlertNetworks>().SettingsAsync(net.GroupId))!;
            await s.GetRequiredService<AlertRoster>().UpdateProfileAsync(network, userId, skills,
                channels.Split(',').Select(Enum.Parse<AlertChannel>), gateway);
        });
    }

    async Task<Guid> ReportAsync(Net net, Guid zoneId, string what)
    {
        var founderId = await UserIdAsync(net.Founder);
        return await WithAsync(async s =>
        {
            var network = (await s.GetRequiredService<AlertNetworks>().SettingsAsync(net.GroupId))!;
            var taken = await s.GetRequiredService<AlertDesk>().ReportAsync(network,
                new ReportDraft(zoneId, what, "Corner of the market", null, 12, "Legal observers", "+44 7000 000000"), ReportSource.Phone, founderId);
            return taken.Incident.Id;
        });
    }

    static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync(path, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    Task<JsonElement> VerifyAsync(HttpClient client, Net net, Guid incidentId, bool confirms = true, string? rollCall = null) =>
        PostAsync(client, $"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}/verifications",
            new { confirms, method = "CalledReporter", note = "Spoke to the caller", rollCall });

    /// <summary>The founder (a coordinator) and a second verifier confirm.</summary>
    async Task ConfirmTwiceAsync(Net net, Guid incidentId, string secondVerifier, string? rollCall = null)
    {
        using var founder = await Server.ApiClientAsync(net.Founder);
        using var second = await Server.ApiClientAsync(secondVerifier);
        await VerifyAsync(founder, net, incidentId, rollCall: rollCall);
        await VerifyAsync(second, net, incidentId);
    }

    Task<List<string>> PagedAsync(Guid incidentId, AlertTier tier = AlertTier.Responders) => Server.WithDbAsync(db =>
        db.AlertRecipients.Where(r => r.IncidentId == incidentId && r.Tier == tier)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.UserName!).OrderBy(n => n).ToListAsync());

    /// <summary>Everyone with a delivery of the message, by pseudonym.</summary>
    Task<List<string>> DeliveredToAsync(Guid messageId) => Server.WithDbAsync(db =>
        db.AlertDeliveries.Where(d => d.MessageId == messageId)
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => u.UserName!).OrderBy(n => n).ToListAsync());

    Task<List<AlertMessage>> MessagesAsync(Guid incidentId) => Server.WithDbAsync(async db =>
        (await db.AlertMessages.AsNoTracking().Where(m => m.IncidentId == incidentId).ToListAsync()).OrderBy(m => m.Sequence).ToList());

    Task<List<string>> AnyDeliveryAsync(Guid incidentId, IEnumerable<string> among)
    {
        var names = among.ToList();
        return Server.WithDbAsync(db => db.AlertDeliveries.Where(d => d.IncidentId == incidentId)
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => u.UserName!).Where(n => names.Contains(n)).Distinct().ToListAsync());
    }

    Task<AlertDelivery> DeliveryAsync(Guid messageId, string pseudonym) => Server.WithDbAsync(db =>
        db.AlertDeliveries.AsNoTracking().SingleAsync(d => d.MessageId == messageId && db.Users.Any(u => u.Id == d.UserId && u.UserName == pseudonym)));

    async Task<AlertDelivery> WaitForDeliveryAsync(Guid messageId, string pseudonym, Func<AlertDelivery, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var delivery = await DeliveryAsync(messageId, pseudonym);
            if (done(delivery)) return delivery;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{pseudonym}'s delivery stayed {delivery.State} on {delivery.Channel}.");
            await Task.Delay(50);
        }
    }

    static List<string> Sorted(params string[] names) => [.. names.Order(StringComparer.Ordinal)];

    async Task<JsonElement> ListAsync(string pseudonym, Net net)
    {
        using var client = await Server.ApiClientAsync(pseudonym);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{net.Slug}/alerts/incidents");
    }

    [Fact]
    public async Task Responders_hear_nothing_until_two_verifiers_confirm_then_exactly_the_on_call_responders_of_the_zone_are_paged()
    {
        var net = await NetworkAsync("Gate crew", 6);
        var (verifier, north1, north2, offCall, later, south) = (net.Member(0), net.Member(1), net.Member(2), net.Member(3), net.Member(4), net.Member(5));
        await DutiesAsync(net, verifier, AlertDuty.Verifier);
        foreach (var (who, i) in new[] { north1, north2, offCall, later, south }.Select((w, i) => (w, i)))
            await ProfileAsync(net, who, "Webhook", $"+gate-{i}");
        await ShiftAsync(net, north1, net.North);
        await ShiftAsync(net, north2, net.North);
        await ShiftAsync(net, later, net.North, startsIn: TimeSpan.FromHours(3));
        await ShiftAsync(net, south, net.South);
        var responders = new[] { north1, north2, offCall, later, south };

        var incidentId = await ReportAsync(net, net.North, "Bailiffs at the door of number 12");
        Assert.Equal(Sorted(net.Founder, verifier), await PagedAsync(incidentId, AlertTier.Verifiers));
        using (var founder = await Server.ApiClientAsync(net.Founder)) await VerifyAsync(founder, net, incidentId);
        await Server.App.Services.GetRequiredService<AlertDispatcher>().SweepAsync();

        Assert.Empty(await PagedAsync(incidentId));
        Assert.Empty(await AnyDeliveryAsync(incidentId, responders));
        Assert.All(responders.Select((_, i) => $"+gate-{i}"), address => Assert.Empty(Gateway.To(address)));
        foreach (var who in responders) Assert.Equal(0, (await ListAsync(who, net)).GetArrayLength());
        using (var responder = await Server.ApiClientAsync(north1))
            Assert.Equal(HttpStatusCode.NotFound, (await responder.GetAsync($"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}")).StatusCode);
        Assert.Equal(1, (await ListAsync(verifier, net)).GetArrayLength());

        using (var second = await Server.ApiClientAsync(verifier))
        {
            var verified = await VerifyAsync(second, net, incidentId);
            Assert.Equal("Alerted", verified.GetProperty("state").GetString());
            Assert.Equal(2, verified.GetProperty("verifications").GetArrayLength());
        }
        Assert.Equal(Sorted(north1, north2), await PagedAsync(incidentId));
        Assert.Equal(Sorted(north1, north2), (await AnyDeliveryAsync(incidentId, responders)).Order(StringComparer.Ordinal).ToList());
        var alert = (await MessagesAsync(incidentId)).Single(m => m.Tier == AlertTier.Responders);
        await WaitForDeliveryAsync(alert.Id, north1, d => d.State == DeliveryState.Received);
        await WaitForDeliveryAsync(alert.Id, north2, d => d.State == DeliveryState.Received);
        Assert.Single(Gateway.To("+gate-0"));
        Assert.Single(Gateway.To("+gate-1"));
        Assert.Empty(Gateway.To("+gate-2"));
        Assert.Empty(Gateway.To("+gate-3"));
        Assert.Empty(Gateway.To("+gate-4"));
        Assert.Equal(1, (await ListAsync(north1, net)).GetArrayLength());
        Assert.Equal(0, (await ListAsync(south, net)).GetArrayLength());
    }

    [Fact]
    public async Task With_three_verifications_needed_two_confirmations_page_no_one()
    {
        var net = await NetworkAsync("Triple crew", 3, n => n.VerificationsNeeded = 3);
        var (v2, v3, responder) = (net.Member(0), net.Member(1), net.Member(2));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await DutiesAsync(net, v3, AlertDuty.Verifier);
        await ShiftAsync(net, responder, net.North);
        var incidentId = await ReportAsync(net, net.North, "Raid at the warehouse");

        await ConfirmTwiceAsync(net, incidentId, v2);
        Assert.Empty(await PagedAsync(incidentId));
        Assert.Empty(await AnyDeliveryAsync(incidentId, [responder]));
        Assert.Equal(0, (await ListAsync(responder, net)).GetArrayLength());

        using var third = await Server.ApiClientAsync(v3);
        await VerifyAsync(third, net, incidentId);
        Assert.Equal([responder], await PagedAsync(incidentId));
        Assert.Equal([responder], await AnyDeliveryAsync(incidentId, [responder]));
    }

    [Fact]
    public async Task Verifiers_confirming_at_the_same_moment_page_the_responders_once_and_a_late_finding_is_refused()
    {
        var net = await NetworkAsync("Rush crew", 4);
        var (v2, v3, responder) = (net.Member(0), net.Member(1), net.Member(2));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await DutiesAsync(net, v3, AlertDuty.Verifier);
        await ShiftAsync(net, responder, net.North);
        var incidentId = await ReportAsync(net, net.North, "Raid at the bakery");
        var clients = await Task.WhenAll(new[] { net.Founder, v2, v3 }.Select(who => Server.ApiClientAsync(who)));

        var answers = await Task.WhenAll(clients.Select(client => client.PostAsJsonAsync(
            $"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}/verifications", new { confirms = true, method = "CalledReporter" })));

        // Two findings are enough: whichever came third found the incident alerted already.
        Assert.Equal(2, answers.Count(a => a.IsSuccessStatusCode));
        var refused = Assert.Single(answers, a => !a.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("already", await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, await Server.WithDbAsync(db => db.Verifications.CountAsync(v => v.IncidentId == incidentId)));
        Assert.Single(await MessagesAsync(incidentId), m => m.Tier == AlertTier.Responders);
        Assert.Equal([responder], await PagedAsync(incidentId));
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task Two_refutations_make_a_false_alarm_and_responders_are_never_paged()
    {
        var net = await NetworkAsync("Refute crew", 2);
        var (v2, responder) = (net.Member(0), net.Member(1));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ShiftAsync(net, responder, net.North);
        var incidentId = await ReportAsync(net, net.North, "Smoke over the square");

        using var founder = await Server.ApiClientAsync(net.Founder);
        using var second = await Server.ApiClientAsync(v2);
        await VerifyAsync(founder, net, incidentId, confirms: false);
        var refuted = await VerifyAsync(second, net, incidentId, confirms: false);
        Assert.Equal("FalseAlarm", refuted.GetProperty("state").GetString());
        // A late confirmation changes nothing.
        await DutiesAsync(net, responder, AlertDuty.Responder | AlertDuty.Verifier);
        using var late = await Server.ApiClientAsync(responder);
        await PostAsync(late, $"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}/verifications", new { confirms = true, method = "Other" }, HttpStatusCode.Conflict);
        Server.Clock.Advance(TimeSpan.FromMinutes(10));
        await Server.App.Services.GetRequiredService<AlertDispatcher>().SweepAsync();

        Assert.Empty(await PagedAsync(incidentId));
        Assert.Empty(await AnyDeliveryAsync(incidentId, [responder]));
        var cancel = (await MessagesAsync(incidentId)).Last();
        Assert.Equal((Plenum.Alerts.Cap.CapMsgType.Cancel, AlertTier.Verifiers), (cancel.Type, cancel.Tier));
        Assert.Equal(Sorted(net.Founder, v2), await DeliveredToAsync(cancel.Id));
    }

    [Fact]
    public async Task Updates_cancellation_and_the_all_clear_reach_exactly_everyone_paged_and_no_one_who_came_on_call_later()
    {
        var net = await NetworkAsync("Update crew", 5);
        var (v2, r1, r2, late, south) = (net.Member(0), net.Member(1), net.Member(2), net.Member(3), net.Member(4));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ShiftAsync(net, r1, net.North);
        await ShiftAsync(net, r2, net.North);
        await ShiftAsync(net, south, net.South);
        var first = await ReportAsync(net, net.North, "Eviction on Mill Street");
        var second = await ReportAsync(net, net.North, "Second eviction on Mill Street");
        await ConfirmTwiceAsync(net, first, v2);
        await ConfirmTwiceAsync(net, second, v2);
        await ShiftAsync(net, late, net.North);

        var everyone = Sorted(net.Founder, v2, r1, r2);
        using var dispatcher = await Server.ApiClientAsync(net.Founder);
        var path = $"/api/v1/groups/{net.Slug}/alerts/incidents/{first}/messages";
        await PostAsync(dispatcher, path, new { type = "Update", text = "Police arrived, bring cameras" });
        var update = (await MessagesAsync(first)).Last();
        Assert.Equal(everyone, await DeliveredToAsync(update.Id));
        var over = await PostAsync(dispatcher, path, new { type = "Update", text = "All clear, the family is inside", allClear = true, outcome = "Eviction stopped" });
        Assert.Equal("Closed", over.GetProperty("state").GetString());
        Assert.Equal("Eviction stopped", over.GetProperty("outcome").GetString());
        var allClear = (await MessagesAsync(first)).Last();
        Assert.True(allClear.AllClear);
        Assert.Equal(everyone, await DeliveredToAsync(allClear.Id));

        await PostAsync(dispatcher, $"/api/v1/groups/{net.Slug}/alerts/incidents/{second}/messages", new { type = "Cancel", text = "Same as the first, stand down" });
        Assert.Equal(everyone, await DeliveredToAsync((await MessagesAsync(second)).Last().Id));
        Assert.Empty(await AnyDeliveryAsync(first, [late, south]));
        Assert.Empty(await AnyDeliveryAsync(second, [late, south]));

        // Only dispatchers send, and nothing follows the end.
        using var responder = await Server.ApiClientAsync(r1);
        await PostAsync(responder, $"/api/v1/groups/{net.Slug}/alerts/incidents/{second}/messages", new { type = "Update", text = "x" }, HttpStatusCode.Forbidden);
        await PostAsync(dispatcher, path, new { type = "Update", text = "Again" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_roll_call_pages_the_skill_first_widens_after_the_wait_and_stops_once_covered()
    {
        var net = await NetworkAsync("Roll crew", 5, n => n.WidenAfterSeconds = 60);
        var (v2, observer, roleObserver, plain, southObserver) = (net.Member(0), net.Member(1), net.Member(2), net.Member(3), net.Member(4));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ProfileAsync(net, observer, "Live", null, "legal observer");
        await ShiftAsync(net, observer, net.North);
        await ShiftAsync(net, roleObserver, net.North, role: "legal observer");
        await ShiftAsync(net, plain, net.North);
        await ProfileAsync(net, southObserver, "Live", null, "legal observer");
        await ShiftAsync(net, southObserver, net.South);
        var incidentId = await ReportAsync(net, net.North, "Arrests at the picket line");
        var sweep = Server.App.Services.GetRequiredService<AlertDispatcher>();

        await ConfirmTwiceAsync(net, incidentId, v2, rollCall: "legal observer:2");
        Assert.Equal(Sorted(observer, roleObserver), await PagedAsync(incidentId));
        await sweep.SweepAsync();
        Assert.Equal(Sorted(observer, roleObserver), await PagedAsync(incidentId));

        Server.Clock.Advance(TimeSpan.FromSeconds(61));
        await sweep.SweepAsync();
        Assert.Equal(Sorted(observer, plain, roleObserver), await PagedAsync(incidentId));

        var answer = $"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}/answer";
        using (var one = await Server.ApiClientAsync(observer)) await PostAsync(one, answer, new { answer = "Going" });
        using (var two = await Server.ApiClientAsync(roleObserver))
        {
            var covered = await PostAsync(two, answer, new { answer = "Going" });
            Assert.True(covered.GetProperty("covered").GetBoolean());
            Assert.Null(covered.GetProperty("reports").GetString());
        }
        var standBy = (await MessagesAsync(incidentId)).Last();
        Assert.StartsWith("Covered, stand by", standBy.Text);
        Assert.Equal([plain], await DeliveredToAsync(standBy.Id));

        Server.Clock.Advance(TimeSpan.FromMinutes(10));
        await sweep.SweepAsync();
        Assert.Equal(Sorted(observer, plain, roleObserver), await PagedAsync(incidentId));
        Assert.Empty(await AnyDeliveryAsync(incidentId, [southObserver]));
    }

    [Fact]
    public async Task A_missed_check_in_alarms_dispatchers_and_legal_support_unless_the_responder_checked_in_or_left()
    {
        var net = await NetworkAsync("Safety crew", 6, n => n.CheckInMinutes = 5);
        var (v2, legal, dispatcher, missing, checking, leaving) = (net.Member(0), net.Member(1), net.Member(2), net.Member(3), net.Member(4), net.Member(5));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await DutiesAsync(net, legal, AlertDuty.Legal);
        await DutiesAsync(net, dispatcher, AlertDuty.Dispatcher);
        foreach (var who in new[] { missing, checking, leaving }) await ShiftAsync(net, who, net.North);
        var incidentId = await ReportAsync(net, net.North, "Workplace raid at the bakery");
        await ConfirmTwiceAsync(net, incidentId, v2);
        var sweep = Server.App.Services.GetRequiredService<AlertDispatcher>();
        string Path(string action) => $"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}/{action}";
        using var missingClient = await Server.ApiClientAsync(missing);
        using var checkingClient = await Server.ApiClientAsync(checking);
        using var leavingClient = await Server.ApiClientAsync(leaving);

        var due = await PostAsync(missingClient, Path("on-site"), new { });
        Assert.Equal(Server.Clock.GetUtcNow().AddMinutes(5), due.GetProperty("checkInDueAt").GetDateTimeOffset());
        await PostAsync(checkingClient, Path("on-site"), new { });
        await PostAsync(leavingClient, Path("on-site"), new { });
        await PostAsync(leavingClient, Path("check-in"), new { }, HttpStatusCode.OK);
        Server.Clock.Advance(TimeSpan.FromMinutes(3));
        await PostAsync(checkingClient, Path("check-in"), new { });
        await PostAsync(leavingClient, Path("left"), new { });
        await PostAsync(leavingClient, Path("check-in"), new { }, HttpStatusCode.Conflict);
        Server.Clock.Advance(TimeSpan.FromMinutes(3));
        await sweep.SweepAsync();

        var safety = (await MessagesAsync(incidentId)).Where(m => m.Tier == AlertTier.Safety).ToList();
        var alarm = Assert.Single(safety);
        Assert.Contains(missing, alarm.Text);
        Assert.Equal(Sorted(net.Founder, legal, dispatcher), await DeliveredToAsync(alarm.Id));
        using (var desk = await Server.ApiClientAsync(dispatcher))
        {
            var seen = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}");
            Assert.Contains(seen.GetProperty("responders").EnumerateArray(), r =>
                r.GetProperty("pseudonym").GetString() == missing && r.GetProperty("missedCheckInAt").ValueKind != JsonValueKind.Null);
        }
        // Raised once; the one who checked in is alarmed only when their own timer runs out.
        await sweep.SweepAsync();
        Assert.Single(await MessagesAsync(incidentId), m => m.Tier == AlertTier.Safety);
    }

    [Fact]
    public async Task The_gateway_gets_one_signed_message_for_all_its_people_those_it_lists_as_failed_fall_back_to_email_or_are_not_reached()
    {
        var net = await NetworkAsync("Hook crew", 4);
        var (v2, signal, fallback, unreachable) = (net.Member(0), net.Member(1), net.Member(2), net.Member(3));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ProfileAsync(net, signal, "Webhook", "+hook-signal");
        await ProfileAsync(net, fallback, "Webhook,Email", "fail-hook-fallback");
        await ProfileAsync(net, unreachable, "Webhook", "fail-hook-unreachable");
        await ConfirmedEmailAsync(fallback, "hook-fallback@example.org");
        foreach (var who in new[] { signal, fallback, unreachable }) await ShiftAsync(net, who, net.North);
        var incidentId = await ReportAsync(net, net.North, "Attack on the community centre");
        await ConfirmTwiceAsync(net, incidentId, v2);
        var alert = (await MessagesAsync(incidentId)).Single(m => m.Tier == AlertTier.Responders);

        var received = await WaitForDeliveryAsync(alert.Id, signal, d => d.State == DeliveryState.Received);
        Assert.Equal(AlertChannel.Webhook, received.Channel);
        var message = Assert.Single(Gateway.To("+hook-signal"));
        Assert.Equal(["+hook-signal", "fail-hook-fallback", "fail-hook-unreachable"], message.To.Order(StringComparer.Ordinal));
        var timestamp = message.Headers[WebhookChannel.TimestampHeader];
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("Hook crew secret"), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. message.Body]));
        Assert.Equal(expected, message.Headers[WebhookChannel.SignatureHeader]);
        Assert.Equal("application/json", message.Headers["Content-Type"]);
        var json = message.Json;
        Assert.Equal(alert.Id, json.GetProperty("message").GetGuid());
        Assert.Equal(incidentId, json.GetProperty("incident").GetGuid());
        Assert.Equal("Alert", json.GetProperty("type").GetString());
        Assert.Equal("Actual", json.GetProperty("status").GetString());
        Assert.Equal("North", json.GetProperty("zone").GetString());
        Assert.Contains("Attack on the community centre", json.GetProperty("text").GetString());
        Assert.Contains("/alerts/answer/", message.AnswerUrlOf("+hook-signal"));

        var mailed = await WaitForDeliveryAsync(alert.Id, fallback, d => d.State != DeliveryState.Pending);
        Assert.Equal((DeliveryState.Sent, AlertChannel.Email, 2), (mailed.State, mailed.Channel, mailed.Attempts));
        Assert.Single(Gateway.To("fail-hook-fallback"));
        var mail = Assert.Single(Server.MailTo("hook-fallback@example.org"));
        Assert.Contains("Attack on the community centre", mail.Subject);
        Assert.Contains("/alerts/answer/", mail.TextBody);

        var lost = await WaitForDeliveryAsync(alert.Id, unreachable, d => d.State != DeliveryState.Pending);
        Assert.Equal(DeliveryState.NotReached, lost.State);
        using var desk = await Server.ApiClientAsync(net.Founder);
        var seen = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}");
        Assert.Equal([unreachable], seen.GetProperty("responders").EnumerateArray()
            .Where(r => !r.GetProperty("reached").GetBoolean()).Select(r => r.GetProperty("pseudonym").GetString()!).ToList());
    }

    [Fact]
    public async Task When_the_gateway_refuses_a_whole_message_each_of_its_people_falls_back_on_their_own()
    {
        var net = await NetworkAsync("Down crew", 3);
        var (v2, mailed, lost) = (net.Member(0), net.Member(1), net.Member(2));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ProfileAsync(net, mailed, "Webhook,Email", "fail-down-mailed");
        await ProfileAsync(net, lost, "Webhook", "fail-down-lost");
        await ConfirmedEmailAsync(mailed, "down-mailed@example.org");
        foreach (var who in new[] { mailed, lost }) await ShiftAsync(net, who, net.North);
        var incidentId = await ReportAsync(net, net.North, "Flooded basement flats");
        await ConfirmTwiceAsync(net, incidentId, v2);
        var alert = (await MessagesAsync(incidentId)).Single(m => m.Tier == AlertTier.Responders);

        var fellBack = await WaitForDeliveryAsync(alert.Id, mailed, d => d.State != DeliveryState.Pending);
        Assert.Equal((DeliveryState.Sent, AlertChannel.Email, 2), (fellBack.State, fellBack.Channel, fellBack.Attempts));
        Assert.Single(Server.MailTo("down-mailed@example.org"));
        Assert.Equal(DeliveryState.NotReached, (await WaitForDeliveryAsync(alert.Id, lost, d => d.State != DeliveryState.Pending)).State);
        Assert.Equal(["fail-down-lost", "fail-down-mailed"], Assert.Single(Gateway.To("fail-down-lost")).To.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_gateway_answer_other_than_a_list_of_failures_counts_as_taken_unless_it_is_too_big_to_read()
    {
        var net = await NetworkAsync("Odd crew", 3);
        var (v2, plain, flooded) = (net.Member(0), net.Member(1), net.Member(2));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ProfileAsync(net, plain, "Webhook", "garbled-plain");
        await ProfileAsync(net, flooded, "Webhook,Email", "huge-flooded");
        await ConfirmedEmailAsync(flooded, "huge-flooded@example.org");
        await ShiftAsync(net, plain, net.North);
        await ShiftAsync(net, flooded, net.South);
        var north = await ReportAsync(net, net.North, "Raid at the bakery");
        await ConfirmTwiceAsync(net, north, v2);
        var south = await ReportAsync(net, net.South, "Raid at the laundry");
        await ConfirmTwiceAsync(net, south, v2);

        var northAlert = (await MessagesAsync(north)).Single(m => m.Tier == AlertTier.Responders);
        var taken = await WaitForDeliveryAsync(northAlert.Id, plain, d => d.State != DeliveryState.Pending);
        Assert.Equal((DeliveryState.Received, AlertChannel.Webhook), (taken.State, taken.Channel));
        var southAlert = (await MessagesAsync(south)).Single(m => m.Tier == AlertTier.Responders);
        var fellBack = await WaitForDeliveryAsync(southAlert.Id, flooded, d => d.State != DeliveryState.Pending);
        Assert.Equal((DeliveryState.Sent, AlertChannel.Email, 2), (fellBack.State, fellBack.Channel, fellBack.Attempts));
        Assert.Single(Gateway.To("huge-flooded"));
        Assert.Single(Server.MailTo("huge-flooded@example.org"));
    }

    [Fact]
    public async Task A_responder_with_push_gets_the_alert_encrypted_for_their_browser_and_marked_urgent()
    {
        var net = await NetworkAsync("Push alert crew", 2);
        var (v2, pushed) = (net.Member(0), net.Member(1));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ProfileAsync(net, pushed, "Push");
        await ShiftAsync(net, pushed, net.North);
        using var browser = new PushReceiver();
        var userId = await UserIdAsync(pushed);
        Assert.Null(await WithAsync(s => s.GetRequiredService<PushSubscriptions>().AddAsync(userId, fixture.PushService.Endpoint("/push/alert-responder"), browser.P256dh, browser.Auth)));
        var incidentId = await ReportAsync(net, net.North, "Flood in the basement flats");
        await ConfirmTwiceAsync(net, incidentId, v2);
        var alert = (await MessagesAsync(incidentId)).Single(m => m.Tier == AlertTier.Responders);

        var push = Assert.Single(await fixture.PushService.WaitForAsync("/push/alert-responder"));
        Assert.Equal("high", push.Headers["Urgency"]);
        Assert.Equal("aes128gcm", push.Headers["Content-Encoding"]);
        Assert.DoesNotContain("Flood", Encoding.Latin1.GetString(push.Body));
        var payload = JsonDocument.Parse(browser.Decrypt(push.Body)).RootElement;
        Assert.Equal("Push alert crew", payload.GetProperty("group").GetString());
        Assert.Contains("Flood in the basement flats", payload.GetProperty("text").GetString());
        Assert.StartsWith("/alerts/answer/", payload.GetProperty("url").GetString());
        Assert.StartsWith("/alerts/receipt/", payload.GetProperty("receipt").GetString());
        Assert.True(payload.GetProperty("urgent").GetBoolean());
        var sent = await WaitForDeliveryAsync(alert.Id, pushed, d => d.State != DeliveryState.Pending);
        Assert.Equal((DeliveryState.Sent, AlertChannel.Push), (sent.State, sent.Channel));
    }

    [Fact]
    public async Task A_responder_with_the_live_page_open_gets_the_alert_at_once_and_confirms_it()
    {
        var net = await NetworkAsync("Live alert crew", 2);
        var (v2, live) = (net.Member(0), net.Member(1));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ShiftAsync(net, live, net.North);
        var liveSession = net.Sessions[1];
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, AlertHub.Path), options => options.Cookies = liveSession.Cookies).Build();
        var alerts = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>(AlertHub.AlertMessageName, alert => alerts.Writer.TryWrite(alert));
        await connection.StartAsync();
        await connection.InvokeAsync("Listen", net.GroupId);
        var incidentId = await ReportAsync(net, net.North, "Attack at the mosque gates");
        await ConfirmTwiceAsync(net, incidentId, v2);

        var shown = await alerts.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(incidentId, shown.GetProperty("incidentId").GetGuid());
        Assert.Equal("Alert", shown.GetProperty("kind").GetString());
        Assert.Equal("North", shown.GetProperty("zone").GetString());
        Assert.False(shown.GetProperty("exercise").GetBoolean());
        Assert.StartsWith("/alerts/answer/", shown.GetProperty("answerUrl").GetString());
        var messageId = shown.GetProperty("messageId").GetGuid();
        Assert.Equal(AlertTier.Responders, (await MessagesAsync(incidentId)).Single(m => m.Id == messageId).Tier);
        await connection.InvokeAsync("Received", messageId);
        var delivery = await WaitForDeliveryAsync(messageId, live, d => d.State == DeliveryState.Received);
        Assert.Equal(AlertChannel.Live, delivery.Channel);
    }

    [Fact]
    public async Task A_delivery_left_pending_by_an_interrupted_sender_is_sent_by_the_sweep_after_the_grace_period()
    {
        var net = await NetworkAsync("Crash crew", 1);
        var responder = net.Member(0);
        await ProfileAsync(net, responder, "Webhook", "+crash-responder");
        var incidentId = await ReportAsync(net, net.North, "Pickets blocked at the gate");
        var userId = await UserIdAsync(responder);
        var messageId = Guid.NewGuid();
        await Server.WithDbAsync(async db =>
        {
            var sequence = await db.AlertMessages.Where(m => m.IncidentId == incidentId).MaxAsync(m => m.Sequence);
            db.AlertMessages.Add(new AlertMessage
            {
                Id = messageId, IncidentId = incidentId, Sequence = sequence + 1, Tier = AlertTier.Responders, Type = Plenum.Alerts.Cap.CapMsgType.Alert,
                Text = "Saved before a crash", SentAt = Server.Clock.GetUtcNow(),
            });
            db.AlertDeliveries.Add(new AlertDelivery { MessageId = messageId, UserId = userId, IncidentId = incidentId, State = DeliveryState.Pending });
            return await db.SaveChangesAsync();
        });
        var sweep = Server.App.Services.GetRequiredService<AlertDispatcher>();

        // Its sender may still be at work within the grace period.
        await sweep.SweepAsync();
        Assert.Equal(DeliveryState.Pending, (await DeliveryAsync(messageId, responder)).State);
        Assert.Empty(Gateway.To("+crash-responder"));

        Server.Clock.Advance(TimeSpan.FromSeconds(5));
        await sweep.SweepAsync();
        var delivery = await DeliveryAsync(messageId, responder);
        Assert.Equal((DeliveryState.Received, AlertChannel.Webhook), (delivery.State, delivery.Channel));
        var sent = Assert.Single(Gateway.To("+crash-responder"));
        Assert.Equal(messageId, sent.Json.GetProperty("message").GetGuid());
    }

    [Fact]
    public async Task AlertsApi_shows_reports_and_reporter_contact_only_to_the_desk_and_each_responder_only_their_own_messages()
    {
        var net = await NetworkAsync("Api crew", 3);
        var (v2, responder, bystander) = (net.Member(0), net.Member(1), net.Member(2));
        await DutiesAsync(net, v2, AlertDuty.Verifier);
        await ShiftAsync(net, responder, net.North);
        var incidentId = await ReportAsync(net, net.North, "Landlord's men at the door");
        var path = $"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}";
        using var responderClient = await Server.ApiClientAsync(responder);
        using var bystanderClient = await Server.ApiClientAsync(bystander);
        // Nobody without the verifier's duty learns of an unverified report, not even that it exists.
        await PostAsync(responderClient, path + "/verifications", new { confirms = true, method = "Other" }, HttpStatusCode.NotFound);
        await ConfirmTwiceAsync(net, incidentId, v2);

        var mine = await responderClient.GetFromJsonAsync<JsonElement>(path);
        foreach (var hidden in new[] { "reports", "verifications", "responders" }) Assert.Equal(JsonValueKind.Null, mine.GetProperty(hidden).ValueKind);
        Assert.Equal("Alert", Assert.Single(mine.GetProperty("messages").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal("Responders", mine.GetProperty("me").GetProperty("tier").GetString());
        Assert.DoesNotContain("+44 7000", mine.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await bystanderClient.GetAsync(path)).StatusCode);
        await PostAsync(bystanderClient, path + "/answer", new { answer = "Going" }, HttpStatusCode.NotFound);
        await PostAsync(responderClient, path + "/answer", new { answer = "None" }, HttpStatusCode.Conflict);
        var answered = await PostAsync(responderClient, path + "/answer", new { answer = "CannotGo" });
        Assert.Equal("CannotGo", answered.GetProperty("me").GetProperty("answer").GetString());

        using var desk = await Server.ApiClientAsync(v2);
        var full = await desk.GetFromJsonAsync<JsonElement>(path);
        var report = Assert.Single(full.GetProperty("reports").EnumerateArray());
        Assert.Equal("+44 7000 000000", report.GetProperty("replyContact").GetString());
        Assert.Equal("Corner of the market", report.GetProperty("where").GetString());
        Assert.Equal(Sorted(net.Founder, v2), full.GetProperty("verifications").EnumerateArray().Select(v => v.GetProperty("verifier").GetString()!).Order(StringComparer.Ordinal).ToList());
        var paged = Assert.Single(full.GetProperty("responders").EnumerateArray());
        Assert.Equal((responder, "CannotGo"), (paged.GetProperty("pseudonym").GetString(), paged.GetProperty("answer").GetString()));
        Assert.True(full.GetProperty("messages").GetArrayLength() > 1);
        await PostAsync(desk, path + "/messages", new { type = "Update", text = "Verifiers do not dispatch" }, HttpStatusCode.Forbidden);
        var line = Assert.Single((await ListAsync(responder, net)).EnumerateArray());
        Assert.Equal("CannotGo", line.GetProperty("myAnswer").GetString());
        using var outsiderSession = await Server.NewMemberAsync("Api crew outsider");
        using var outsider = await Server.ApiClientAsync("Api crew outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/groups/{net.Slug}/alerts/incidents")).StatusCode);
    }

    [Fact]
    public async Task AlertsApi_a_verifier_who_is_on_call_is_paged_as_a_responder_too()
    {
        var net = await NetworkAsync("Double duty crew", 1);
        var both = net.Member(0);
        await DutiesAsync(net, both, AlertDuty.Verifier | AlertDuty.Responder);
        await ShiftAsync(net, both, net.North);
        var incidentId = await ReportAsync(net, net.North, "Fire at the squat");
        Assert.Contains(both, await PagedAsync(incidentId, AlertTier.Verifiers));

        await ConfirmTwiceAsync(net, incidentId, both);
        Assert.Equal([both], await PagedAsync(incidentId));
        using var client = await Server.ApiClientAsync(both);
        var answered = await PostAsync(client, $"/api/v1/groups/{net.Slug}/alerts/incidents/{incidentId}/answer", new { answer = "Going" });
        Assert.Equal("Going", answered.GetProperty("me").GetProperty("answer").GetString());
    }

    Task<int> ConfirmedEmailAsync(string pseudonym, string email) => Server.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
        (user.Email, user.EmailConfirmed) = (email, true);
        return await db.SaveChangesAsync();
    });
}
