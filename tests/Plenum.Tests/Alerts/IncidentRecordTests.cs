using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Plenum.Alerts;
using Plenum.Alerts.Cap;
using Plenum.Data;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Alerts;

/// <summary>An incident's CAP export, its record for legal support, the metrics page, the heartbeat and retention.</summary>
public sealed class IncidentRecordTests : IAsyncLifetime
{
    PlenumServer _server = null!;
    public async Task InitializeAsync() => _server = await PlenumServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    sealed record Network(string Slug, Guid GroupId, WebSession Dispatcher, Guid DispatcherId, Guid[] Verifiers, Guid Responder, Guid Incident);

    /// <summary>A network whose founder dispatches, two members verify and one responds on call in "North"; one alerted incident.</summary>
    async Task<Network> AlertedIncidentAsync(string name, CapStatus mode = CapStatus.Actual)
    {
        var (slug, founder, members) = await _server.NewAssemblyAsync(name, 3);
        return await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PlenumDb>();
            var groupId = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
            Guid Id(string pseudonym) => db.Users.Single(u => u.UserName == pseudonym).Id;
            var roster = services.GetRequiredService<AlertRoster>();
            var network = await roster.StartAsync(groupId, ["North", "South"]);
            var north = (await services.GetRequiredService<AlertNetworks>().ZonesAsync(groupId)).Single(z => z.Name == "North").Id;
            Guid[] verifiers = [Id($"{name}-member-0"), Id($"{name}-member-1")];
            foreach (var verifier in verifiers) await roster.SetDutiesAsync(groupId, verifier, AlertDuty.Verifier);
            var responder = Id($"{name}-member-2");
            await roster.SetDutiesAsync(groupId, responder, AlertDuty.Responder);
            var now = _server.Clock.GetUtcNow();
            await roster.AddShiftAsync(groupId, responder, north, null, now.AddHours(-1), now.AddHours(8));
            var desk = services.GetRequiredService<AlertDesk>();
            var dispatcher = Id($"{name}-founder");
            var taken = await desk.ReportAsync(network, new ReportDraft(north, "Bailiffs at the door of number 12\nthey have a locksmith", "Elm Street 12",
                now.AddMinutes(-5), 6, "people to stand at the door", "call 0123 456789"), ReportSource.Phone, dispatcher, mode: mode);
            foreach (var verifier in verifiers)
                await desk.VerifyAsync(await db.Incidents.SingleAsync(i => i.Id == taken.Incident.Id), verifier, true, VerificationMethod.CalledReporter, "spoke to the tenant");
            await services.GetRequiredService<AlertAnswers>().AnswerAsync(taken.Incident.Id, responder, AlertAnswer.Going, AlertChannel.Live);
            await services.GetRequiredService<CheckIns>().OnSiteAsync(taken.Incident.Id, responder);
            await desk.SendAsync(await db.Incidents.SingleAsync(i => i.Id == taken.Incident.Id), dispatcher, CapMsgType.Update, "Police arrived, stay calm");
            return new Network(slug, groupId, founder, dispatcher, verifiers, responder, taken.Incident.Id);
        });
    }

    async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _server.App.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task Each_alert_and_its_update_export_as_valid_CAP_1_2_referring_to_the_original()
    {
        var network = await AlertedIncidentAsync("cap-net");
        var path = $"/groups/{network.Slug}/alerts/incidents/{network.Incident}/cap.xml";

        var latest = await network.Dispatcher.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.StartsWith("application/cap+xml", latest.Content.Headers.ContentType!.ToString());
        var update = XDocument.Parse(await latest.Content.ReadAsStringAsync());
        Assert.Empty(CapXml.Validate(update));
        XNamespace cap = CapXml.Namespace;
        Assert.Equal("Update", update.Root!.Element(cap + "msgType")!.Value);
        Assert.Equal("Actual", update.Root.Element(cap + "status")!.Value);
        Assert.Contains("Police arrived", update.Root.Element(cap + "info")!.Element(cap + "description")!.Value);

        var messages = await _server.WithDbAsync(db => db.AlertMessages.Where(m => m.IncidentId == network.Incident && m.Tier == AlertTier.Responders).ToListAsync());
        var first = messages.Where(m => m.Type == CapMsgType.Alert).MinBy(m => m.Sequence)!;
        var original = XDocument.Parse(await network.Dispatcher.Http.GetStringAsync($"{path}?sequence={first.Sequence}"));
        Assert.Empty(CapXml.Validate(original));
        Assert.Equal("Alert", original.Root!.Element(cap + "msgType")!.Value);
        var references = update.Root.Element(cap + "references")!.Value;
        Assert.Contains(original.Root.Element(cap + "identifier")!.Value, references);
        Assert.StartsWith(original.Root.Element(cap + "sender")!.Value + ",", references);

        // Only dispatchers export: a verifier or a stranger learns nothing, not even that it exists.
        using var outsider = await _server.NewMemberAsync("cap-outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_drill_exports_as_an_exercise_and_its_messages_say_so()
    {
        var network = await AlertedIncidentAsync("drill-net", CapStatus.Exercise);
        var doc = XDocument.Parse(await network.Dispatcher.Http.GetStringAsync($"/groups/{network.Slug}/alerts/incidents/{network.Incident}/cap.xml"));
        Assert.Equal("Exercise", doc.Root!.Element(XName.Get("status", CapXml.Namespace))!.Value);
        var texts = await _server.WithDbAsync(db => db.AlertMessages.Where(m => m.IncidentId == network.Incident).Select(m => m.Text).ToListAsync());
        Assert.All(texts, text => Assert.StartsWith("EXERCISE", text));
    }

    [Fact]
    public async Task The_legal_export_tells_the_whole_story_naming_people_by_their_part_only()
    {
        var network = await AlertedIncidentAsync("legal-net");
        var response = await network.Dispatcher.Http.GetAsync($"/groups/{network.Slug}/alerts/incidents/{network.Incident}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await response.Content.ReadAsStringAsync();
        foreach (var step in new[] { "Report 1 (taken by phone)", "Elm Street 12", "Verifier 1 confirmed (called the reporter)", "Verifier 2 confirmed",
                     "Verified: responders paged", "Responder 1 answered: going", "Responder 1 on site", "Police arrived" })
            Assert.Contains(step, record);
        Assert.DoesNotContain("legal-net-member", record);
        Assert.DoesNotContain("legal-net-founder", record);
        Assert.DoesNotContain("0123 456789", record);
    }

    [Fact]
    public async Task The_metrics_count_real_incidents_and_drills_apart()
    {
        var network = await AlertedIncidentAsync("metric-net");
        var page = await network.Dispatcher.GetAsync($"/groups/{network.Slug}/alerts/metrics");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("[data-testid=figures] tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray());
        Assert.Equal(["1", "0"], rows["Verified and alerted"]);
        Assert.Equal(["1", "0"], rows["Said \"going\""]);
        Assert.Equal(["0 s", "–"], rows["Median time to verify"]);
        Assert.Contains("Working", page.Document.QuerySelector("[data-testid=heartbeat]")!.TextContent);
        // Not for responders.
        var responder = _server.NewSession();
        await responder.LoginAsync("metric-net-member-2");
        Assert.Equal(HttpStatusCode.NotFound, (await responder.GetAsync($"/groups/{network.Slug}/alerts/metrics")).Status);
    }

    [Fact]
    public async Task The_heartbeat_answers_monitors_and_warns_dispatchers_when_deliveries_wait_unsent()
    {
        var network = await AlertedIncidentAsync("beat-net");
        using var monitor = new HttpClient { BaseAddress = _server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/alerts/heartbeat")).StatusCode);

        // A delivery saved but never sent, as if the dispatcher had died: after two minutes the heartbeat fails.
        await _server.WithDbAsync(async db =>
        {
            var message = new AlertMessage { Id = Guid.NewGuid(), IncidentId = network.Incident, Sequence = 99, Tier = AlertTier.Responders,
                Type = CapMsgType.Update, Text = "stuck", SentAt = _server.Clock.GetUtcNow() };
            db.AlertMessages.Add(message);
            db.AlertDeliveries.Add(new AlertDelivery { MessageId = message.Id, UserId = network.Responder, IncidentId = network.Incident, State = DeliveryState.Pending });
            return await db.SaveChangesAsync();
        });
        _server.Clock.Advance(TimeSpan.FromMinutes(3));
        var stalled = await monitor.GetAsync("/alerts/heartbeat");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled.StatusCode);
        Assert.Contains("waited more than 2 minutes", await stalled.Content.ReadAsStringAsync());

        await _server.App.Services.GetRequiredService<AlertHeartbeat>().BeatAsync();
        await _server.App.Services.GetRequiredService<AlertHeartbeat>().BeatAsync();
        var warnings = await _server.WithDbAsync(db => db.Notifications.Where(n => n.Kind == Plenum.Notifications.NotificationKind.AlertPipeline)
            .Select(n => n.UserId).ToListAsync());
        Assert.Equal([network.DispatcherId], warnings);  // the dispatcher, once, not the verifiers or responders

        // The sweep sends it, and the heartbeat is well again.
        await _server.App.Services.GetRequiredService<AlertDispatcher>().SweepAsync();
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/alerts/heartbeat")).StatusCode);
    }

    [Fact]
    public async Task A_reporters_contact_goes_after_two_days_and_the_whole_incident_after_the_networks_retention()
    {
        var network = await AlertedIncidentAsync("keep-net");
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PlenumDb>();
            await services.GetRequiredService<AlertDesk>().SendAsync(await db.Incidents.SingleAsync(i => i.Id == network.Incident), network.DispatcherId,
                CapMsgType.Update, "All clear, thanks everyone", allClear: true, outcome: "Eviction postponed");
            return 0;
        });
        _server.Clock.Advance(TimeSpan.FromHours(49));
        await _server.RunHousekeepingAsync();
        var report = await _server.WithDbAsync(db => db.Reports.SingleAsync(r => r.IncidentId == network.Incident));
        Assert.Null(report.ReplyContact);
        Assert.Null(report.FollowHash);
        Assert.Equal("Elm Street 12", report.Where);

        _server.Clock.Advance(TimeSpan.FromDays(87));  // 89 days and a hour after closing: kept
        await _server.RunHousekeepingAsync();
        Assert.True(await _server.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Id == network.Incident)));
        _server.Clock.Advance(TimeSpan.FromDays(2));
        await _server.RunHousekeepingAsync();
        Assert.False(await _server.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Id == network.Incident)));
        Assert.False(await _server.WithDbAsync(db => db.AlertDeliveries.AnyAsync(d => d.IncidentId == network.Incident)));
        Assert.False(await _server.WithDbAsync(db => db.Reports.AnyAsync(r => r.IncidentId == network.Incident)));
    }
}
