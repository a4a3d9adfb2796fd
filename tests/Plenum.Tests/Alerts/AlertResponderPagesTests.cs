using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Plenum.Alerts;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Alerts.AlertResponderSteps;

namespace Plenum.Tests.Alerts;

/// <summary>The pages a reporter without an account and a responder use, through the real server without JavaScript.</summary>
public sealed class AlertResponderPagesTests(AlertResponderServerFixture fixture) : IClassFixture<AlertResponderServerFixture>
{
    PlenumServer Server => fixture.Server;

    [Fact]
    public async Task Someone_without_an_account_reports_and_follows_their_report_by_its_link()
    {
        var network = await NewNetworkAsync(Server, "report-net");
        using var reporter = Server.NewSession();
        var form = await reporter.GetAsync($"/groups/{network.Slug}/alerts/report");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("deleted after 48 hours", form.Text);

        var refused = await reporter.SubmitAsync(form, null, Fields(("Form.ZoneId", ""), ("Form.What", ""), ("Form.Where", "")));
        Assert.Contains("Choose the zone where it is happening.", refused.Text);
        Assert.Contains("Say what is happening.", refused.Text);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Reports.CountAsync(r => r.GroupId == network.GroupId)));

        var reported = await reporter.SubmitAsync(form, null, Fields(("Form.ZoneId", network.South.ToString()), ("Form.What", "Police raid at the community kitchen"),
            ("Form.Where", "Hermannstr. 20, back yard"), ("Form.MinutesAgo", "10"), ("Form.HowMany", "12"), ("Form.ReplyContact", "signal: kitchen.42")));
        Assert.Contains("What happens now", reported.Text);
        var followUrl = reported.Document.QuerySelector("[data-testid=follow-link]")!.GetAttribute("href")!;
        var report = await Server.WithDbAsync(db => db.Reports.SingleAsync(r => r.GroupId == network.GroupId));
        Assert.Equal(ReportSource.PublicForm, report.Source);
        Assert.Equal("signal: kitchen.42", report.ReplyContact);
        Assert.Equal(12, report.HowMany);
        Assert.InRange(Server.Clock.GetUtcNow() - report.SeenAt, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));

        // The link is shown once; the page again shows the empty form.
        Assert.DoesNotContain(followUrl, (await reporter.GetAsync($"/groups/{network.Slug}/alerts/report")).Html);
        var follow = await reporter.GetAsync(new Uri(followUrl).PathAndQuery);
        Assert.Equal("received", follow.Document.QuerySelector("[data-testid=status]")!.TextContent);

        await InScopeAsync(Server, async services =>
        {
            var db = services.GetRequiredService<Plenum.Data.PlenumDb>();
            var incident = await db.Incidents.SingleAsync(i => i.Id == report.IncidentId);
            await services.GetRequiredService<AlertDesk>().VerifyAsync(incident, await db.Users.Where(u => u.UserName == "report-net-member-0").Select(u => u.Id).SingleAsync(),
                true, VerificationMethod.CalledReporter, "Called back: true");
            return 0;
        });
        follow = await reporter.GetAsync(new Uri(followUrl).PathAndQuery);
        Assert.Equal("being checked", follow.Document.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.DoesNotContain("report-net-member-0", follow.Html);

        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync("/alerts/report/rep_guessed")).Status);
    }

    [Fact]
    public async Task The_report_form_is_not_there_for_groups_without_public_reports()
    {
        var (plainSlug, _, _) = await Server.NewAssemblyAsync("no-alerts", 0);
        var closed = await NewNetworkAsync(Server, "closed-net", 1, n => n.PublicReports = false);
        using var anonymous = Server.NewSession();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/groups/{plainSlug}/alerts/report")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/groups/{closed.Slug}/alerts/report")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.PostAsJsonAsync($"/api/v1/groups/{closed.Slug}/alerts/reports", new { zoneId = closed.North, what = "x", where = "y" })).StatusCode);
    }

    [Fact]
    public async Task The_report_api_takes_reports_without_an_account_and_explains_refusals()
    {
        var network = await NewNetworkAsync(Server, "api-net", 1);
        using var client = new HttpClient { BaseAddress = Server.BaseAddress };
        var zones = await client.GetFromJsonAsync<List<AlertReportApi.ZoneDto>>($"/api/v1/groups/{network.Slug}/alerts/reports/zones");
        Assert.Equal(["North", "South"], zones!.Select(z => z.Name));

        var refused = await client.PostAsJsonAsync($"/api/v1/groups/{network.Slug}/alerts/reports", new { zoneId = network.North, where = "Corner" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Say what is happening.", await refused.Content.ReadAsStringAsync());

        var taken = await client.PostAsJsonAsync($"/api/v1/groups/{network.Slug}/alerts/reports", new { zoneId = network.North, what = "Fire at the squat", where = "Corner", howMany = 3 });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var result = (await taken.Content.ReadFromJsonAsync<AlertReportApi.ReportResult>())!;
        Assert.StartsWith(Server.BaseAddress.ToString().TrimEnd('/') + "/alerts/report/rep_", result.FollowUrl);
        Assert.Equal(ReportSource.Api, await Server.WithDbAsync(db => db.Reports.Where(r => r.GroupId == network.GroupId).Select(r => r.Source).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(result.FollowUrl).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_responder_sets_skills_and_channels_is_warned_when_none_can_reach_them_and_keeps_shifts()
    {
        var network = await NewNetworkAsync(Server, "profile-net", 2, n => n.WebhookUrl = "http://127.0.0.1:9/gateway");
        var responder = network.Members[1];
        var me = await responder.GetAsync($"/groups/{network.Slug}/alerts/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("responder", me.Document.QuerySelector("[data-testid=duties]")!.TextContent);
        // Default order live, push, e-mail: no push subscription and no confirmed address.
        Assert.NotNull(me.Document.QuerySelector("[data-testid=no-channel-warning]"));

        var saved = await responder.SubmitAsync(me, "form[action*='handler=Profile']", Fields(("skills", "first aid"), ("gatewayAddress", "+49 176 0000000")));
        Assert.Contains("Your skills and channels are saved.", saved.Text);
        Assert.NotNull(saved.Document.QuerySelector("[data-testid=no-channel-warning]"));

        // The fields as a browser sends four selects of the same name: the gateway first, then live.
        var form = new List<KeyValuePair<string, string>>();
        var token = saved.Document.QuerySelector("main form[action*='handler=Profile'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (name, value) in new[] { ("skills", "first aid"), ("skills", "interpreter"), ("channels", "Webhook"), ("channels", "Live"), ("channels", ""), ("channels", ""),
                     ("gatewayAddress", "+49 176 0000000"), ("__RequestVerificationToken", token) })
            form.Add(KeyValuePair.Create(name, value));
        var posted = await responder.Http.PostAsync($"/groups/{network.Slug}/alerts/me?handler=Profile", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var profile = await Server.WithDbAsync(db => db.Responders.SingleAsync(r => r.GroupId == network.GroupId && r.UserId == db.Users.Single(u => u.UserName == "profile-net-member-1").Id));
        Assert.Equal("Webhook,Live", profile.Channels);
        Assert.Equal("first aid,interpreter", profile.Skills);
        Assert.Equal("+49 176 0000000", profile.GatewayAddress);
        me = await responder.GetAsync($"/groups/{network.Slug}/alerts/me");
        Assert.Null(me.Document.QuerySelector("[data-testid=no-channel-warning]"));
        Assert.Equal("Webhook", me.Document.QuerySelector("#channel-0 option[selected]")!.GetAttribute("value"));

        var noChannel = await responder.SubmitAsync(me, "form[action*='handler=Profile']", Fields(("channels", "")));
        Assert.Contains("Choose at least one way alerts can reach you.", noChannel.Text);

        var onCall = await responder.SubmitAsync(me, "form[action*='handler=OnCall']", Fields(("zone", network.South.ToString()), ("hours", "3")));
        Assert.Contains("You are on call now for 3 hours.", onCall.Text);
        Assert.Contains("(on call now)", onCall.Text);
        var start = Server.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var added = await responder.SubmitAsync(onCall, "form[action*='handler=Shift']", Fields(("zone", network.North.ToString()), ("role", "first aid"),
            ("start", start.ToString("yyyy-MM-ddTHH:mm")), ("end", start.AddHours(8).ToString("yyyy-MM-ddTHH:mm")), ("repeatWeeks", "2")));
        Assert.Contains("the same time in each of the next 2 weeks", added.Text);
        Assert.Equal(4, added.Document.QuerySelectorAll("[data-testid=shift]").Length);
        Assert.Contains("North, as first aid", added.Text);

        var backwards = await responder.SubmitAsync(added, "form[action*='handler=Shift']", Fields(("zone", network.North.ToString()),
            ("start", start.ToString("yyyy-MM-ddTHH:mm")), ("end", start.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("A shift ends after it starts.", backwards.Text);

        var removed = await responder.SubmitAsync(added, "[data-testid=shift] form[action*='handler=RemoveShift']");
        Assert.Contains("The shift is removed.", removed.Text);
        Assert.Equal(3, removed.Document.QuerySelectorAll("[data-testid=shift]").Length);

        using var outsider = Server.NewSession();
        Assert.StartsWith("/accounts/login", (await outsider.GetAsync($"/groups/{network.Slug}/alerts/me")).Path);
    }

    [Fact]
    public async Task Opening_an_alert_link_changes_nothing_and_its_buttons_answer_without_a_login()
    {
        var network = await NewNetworkAsync(Server, "link-net", 2);
        var responder = network.Members[1];
        await responder.SubmitAsync(await responder.GetAsync($"/groups/{network.Slug}/alerts/me"), "form[action*='handler=OnCall']", Fields(("zone", network.North.ToString()), ("hours", "4")));
        var incident = await AlertedIncidentAsync(Server, network, "link-net");
        var (token, messageId) = await TicketAsync(Server, incident.Id, "link-net-member-1");
        var userId = await UserIdAsync(Server, "link-net-member-1");

        using var phone = Server.NewSession();  // the mail app's browser: not logged in
        var shown = await phone.GetAsync(AlertLinks.AnswerPath(token));
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains("Bailiffs at the door", shown.Text);
        Assert.Equal("responders alerted", shown.Document.QuerySelector("[data-testid=incident-state]")!.TextContent);
        await phone.GetAsync(AlertLinks.AnswerPath(token));
        var recipient = await Server.WithDbAsync(db => db.AlertRecipients.AsNoTracking().SingleAsync(r => r.IncidentId == incident.Id && r.UserId == userId));
        Assert.Equal(AlertAnswer.None, recipient.Answer);
        var after = await Server.WithDbAsync(db => db.AlertDeliveries.AsNoTracking().SingleAsync(d => d.MessageId == messageId && d.UserId == userId));
        // The dispatcher may have moved it on meanwhile (no channel of theirs works here), but only an answer or a receipt marks it received.
        Assert.NotEqual(DeliveryState.Received, after.State);

        var going = await phone.SubmitAsync(shown, "form.answer-buttons", Fields(("act", "Going")));
        Assert.Contains("You answered: going.", going.Text);
        recipient = await Server.WithDbAsync(db => db.AlertRecipients.AsNoTracking().SingleAsync(r => r.IncidentId == incident.Id && r.UserId == userId));
        Assert.Equal(AlertAnswer.Going, recipient.Answer);
        Assert.Equal(AlertChannel.Email, recipient.AnsweredOn);
        Assert.Equal(DeliveryState.Received, (await Server.WithDbAsync(db => db.AlertDeliveries.AsNoTracking().SingleAsync(d => d.MessageId == messageId && d.UserId == userId))).State);

        var onSite = await phone.SubmitAsync(going, "form.answer-buttons", Fields(("act", "OnSite")));
        Assert.Contains("You are marked on site. Check in by", onSite.Text);
        Assert.NotNull(onSite.Document.QuerySelector("[data-check-in-due]"));
        var notOnSite = await phone.SubmitAsync(await phone.GetAsync(AlertLinks.AnswerPath(token) + "?via=push"), "form.answer-buttons", Fields(("act", "Left")));
        Assert.Contains("You are marked as having left the site.", notOnSite.Text);
        var refused = await phone.SubmitAsync(notOnSite, "form.answer-buttons", Fields(("act", "CheckIn")));
        Assert.Contains("You are not marked on site for this incident.", refused.Text);

        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(AlertLinks.AnswerPath("forged-token"))).Status);
    }

    [Fact]
    public async Task The_push_receipt_marks_the_alert_received_without_cookies()
    {
        var network = await NewNetworkAsync(Server, "receipt-net", 2);
        var responder = network.Members[1];
        await responder.SubmitAsync(await responder.GetAsync($"/groups/{network.Slug}/alerts/me"), "form[action*='handler=OnCall']", Fields(("zone", network.North.ToString()), ("hours", "4")));
        var incident = await AlertedIncidentAsync(Server, network, "receipt-net");
        var (token, messageId) = await TicketAsync(Server, incident.Id, "receipt-net-member-1");
        var userId = await UserIdAsync(Server, "receipt-net-member-1");

        using var worker = new HttpClient { BaseAddress = Server.BaseAddress };
        var receipt = await worker.PostAsync(AlertLinks.ReceiptPath(token), null);
        Assert.Equal(HttpStatusCode.NoContent, receipt.StatusCode);
        var delivery = await Server.WithDbAsync(db => db.AlertDeliveries.AsNoTracking().SingleAsync(d => d.MessageId == messageId && d.UserId == userId));
        Assert.Equal(DeliveryState.Received, delivery.State);
        Assert.Equal(AlertChannel.Push, delivery.Channel);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsync(AlertLinks.ReceiptPath("forged"), null)).StatusCode);
    }

    [Fact]
    public async Task The_live_page_without_javascript_lists_open_alerts_and_answers_them()
    {
        var network = await NewNetworkAsync(Server, "live-net", 2);
        var responder = network.Members[1];
        var empty = await responder.GetAsync($"/groups/{network.Slug}/alerts/live");
        Assert.NotNull(empty.Document.QuerySelector("[data-testid=no-alerts]"));
        await responder.SubmitAsync(await responder.GetAsync($"/groups/{network.Slug}/alerts/me"), "form[action*='handler=OnCall']", Fields(("zone", network.North.ToString()), ("hours", "4")));
        var incident = await AlertedIncidentAsync(Server, network, "live-net", "EXERCISE drill: eviction", Plenum.Alerts.Cap.CapStatus.Exercise);

        var live = await responder.GetAsync($"/groups/{network.Slug}/alerts/live");
        var card = live.Document.QuerySelector("[data-testid=open-alert]")!;
        Assert.Contains("exercise", card.ClassList);
        Assert.Contains("EXERCISE — not a real alert", card.TextContent);
        var cannot = await responder.SubmitAsync(live, "[data-testid=open-alert] form.answer-buttons", Fields(("act", "CannotGo")));
        Assert.Contains("You answered: can't go.", cannot.Text);
        Assert.Equal("can't go", cannot.Document.QuerySelector("[data-testid=my-answer]")!.TextContent);
        var userId = await UserIdAsync(Server, "live-net-member-1");
        var recipient = await Server.WithDbAsync(db => db.AlertRecipients.AsNoTracking().SingleAsync(r => r.IncidentId == incident.Id && r.UserId == userId));
        Assert.Equal((AlertAnswer.CannotGo, AlertChannel.Live), (recipient.Answer, recipient.AnsweredOn));

        var otherGroupIncident = Guid.NewGuid();
        var refused = await responder.SubmitAsync(cannot, "[data-testid=open-alert] form.answer-buttons", Fields(("act", "Going"), ("incident", otherGroupIncident.ToString())));
        Assert.Contains("There is no such alert in this network.", refused.Text);
    }
}
