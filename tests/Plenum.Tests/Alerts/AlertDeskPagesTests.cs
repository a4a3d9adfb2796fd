using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plenum.Alerts;
using Plenum.Alerts.Cap;
using Plenum.Privacy;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Alerts.AlertDeskSteps;

namespace Plenum.Tests.Alerts;

/// <summary>The rapid response desk through its pages: settings and duties, phone intake, verification, updates, repeats and photos.</summary>
public sealed class AlertDeskPagesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    AlertDeskSteps Steps => new(Server);

    [Fact]
    public async Task Coordinators_start_a_network_set_its_rules_gateway_zones_and_duties()
    {
        var (slug, coordinator, verifier, responder, member) = await Steps.NetworkAsync("Rr settings");
        Assert.NotNull((await member.GetAsync($"/groups/{slug}")).Document.QuerySelector($"a[href='{Desk(slug)}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Desk(slug)}/settings")).Status);

        var settings = await coordinator.GetAsync($"{Desk(slug)}/settings");
        var refused = await coordinator.SubmitAsync(settings, "form[action*='Rules']", Fields(("verificationsNeeded", "11")));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("1 to 10", refused.Document.QuerySelector(".validation-summary-errors")!.TextContent);
        var saved = await coordinator.SubmitAsync(settings, "form[action*='Rules']",
            Fields(("verificationsNeeded", "3"), ("checkInMinutes", "30"), ("skills", "legal observer, medic")));
        Assert.Contains("The rules are saved", saved.Text);

        Assert.Contains("No gateway is set", settings.Text);
        foreach (var bad in new[] { "http://gateway.example.org/in", "ftp://127.0.0.1/x" })
            Assert.Contains("must start with https://", (await coordinator.SubmitAsync(settings, "form[action*='Webhook']",
                Fields(("webhookUrl", bad), ("webhookSecret", "a-long-enough-secret")))).Text);
        var gateway = await coordinator.SubmitAsync(settings, "form[action*='Webhook']", Fields(("webhookUrl", "http://127.0.0.1:9000/in"), ("webhookSecret", "a-long-enough-secret")));
        Assert.Contains("A gateway is set, with its secret.", gateway.Text);
        Assert.DoesNotContain("a-long-enough-secret", gateway.Html);
        Assert.DoesNotContain("127.0.0.1:9000", gateway.Html);

        Assert.Contains("The zone is added", (await coordinator.SubmitAsync(settings, "form[action*='AddZone']", Fields(("name", "Harbour")))).Text);
        Assert.Contains("There is a zone of that name", (await coordinator.SubmitAsync(settings, "form[action*='AddZone']", Fields(("name", "North")))).Text);

        var group = await Steps.GroupIdAsync(slug);
        var network = await Server.WithDbAsync(db => db.AlertNetworks.SingleAsync(n => n.GroupId == group));
        Assert.Equal((3, 30, "legal observer,medic"), (network.VerificationsNeeded, network.CheckInMinutes, network.Skills));
        var duties = await Server.WithDbAsync(db => db.Responders.Where(r => r.GroupId == group).Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.UserName, r.Duties })
            .ToDictionaryAsync(r => r.UserName!, r => r.Duties));
        Assert.Equal(AlertDuty.Verifier, duties["Rr settings-member-0"]);
        Assert.Equal(AlertDuty.Responder, duties["Rr settings-member-1"]);
        Assert.Equal(3, (await coordinator.GetAsync($"{Desk(slug)}/settings")).Document.QuerySelectorAll("[data-testid=zone]").Length);
    }

    [Fact]
    public async Task A_phone_report_reaches_verifiers_only_until_two_confirm_then_responders_answer_and_updates_reach_them()
    {
        var (slug, dispatcher, verifier, responder, member) = await Steps.NetworkAsync("Rr flow");
        var taken = await Steps.IntakeAsync(dispatcher, slug, "Bailiffs at number 12, eviction starting", replyContact: "+49 170 5550001");
        Assert.Contains("went to the verifiers", taken.Text);
        var path = taken.Path;

        // Verifiers see it; the responder and a plain member do not, anywhere.
        Assert.Contains("Bailiffs at number 12", (await verifier.GetAsync(Desk(slug))).Document.QuerySelector("[data-testid=real] [data-testid=unverified]")!.TextContent);
        foreach (var outsider in new[] { responder, member })
        {
            Assert.DoesNotContain("Bailiffs", (await outsider.GetAsync(Desk(slug))).Html);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).Status);
        }
        // The reply contact is for dispatchers only.
        Assert.Equal("+49 170 5550001", (await dispatcher.GetAsync(path)).Document.QuerySelector("[data-testid=reply-contact]")?.TextContent);
        Assert.DoesNotContain("5550001", (await verifier.GetAsync(path)).Html);

        var first = await Steps.VerifyAsync(verifier, path);
        Assert.Contains("Your confirmation is recorded", first.Text);
        Assert.Equal("being checked", first.Document.QuerySelector("[data-testid=state]")!.TextContent);
        Assert.Null(first.Document.QuerySelector("form[action*='Verify']"));
        var second = await Steps.VerifyAsync(dispatcher, path);
        Assert.Equal("responders alerted", second.Document.QuerySelector("[data-testid=state]")!.TextContent);
        Assert.Equal(2, second.Document.QuerySelectorAll("[data-testid=verification]").Length);
        Assert.Contains(second.Document.QuerySelectorAll("[data-testid=verification]"), v => v.TextContent.Contains("Rr flow-member-0 confirmed by calling the reporter back"));

        // The paged responder sees the alert and their answer buttons, never the reports.
        var alert = await responder.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, alert.Status);
        Assert.Contains("Bailiffs at number 12", alert.Document.QuerySelector("[data-testid=headline]")!.TextContent);
        Assert.Equal("North", alert.Document.QuerySelector("[data-testid=zone]")!.TextContent);
        Assert.Empty(alert.Document.QuerySelectorAll("[data-testid=report]"));
        Assert.DoesNotContain("Elm St", alert.Html);
        Assert.DoesNotContain("5550001", alert.Html);
        Assert.NotNull((await responder.GetAsync(Desk(slug))).Document.QuerySelector($"[data-testid=my-alert] a[href='{path}']"));
        var going = await responder.SubmitAsync(alert, "form[action*='answer=Going']");
        Assert.Equal("You are going.", going.Document.QuerySelector("[data-testid=my-answer]")!.TextContent);
        var desk = await dispatcher.GetAsync(Desk(slug));
        Assert.Contains("1 of 1 answered, 1 going", desk.Document.QuerySelector("[data-testid=real] [data-testid=active]")!.TextContent);

        // A refused update is a form error; a sent one goes to everyone told before.
        var page = await dispatcher.GetAsync(path);
        var empty = await dispatcher.SubmitAsync(page, "form[action*='Send']", Fields(("kind", "update"), ("text", " ")));
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Write the message.", empty.Document.QuerySelector(".validation-summary-errors")!.TextContent);
        await dispatcher.SubmitAsync(page, "form[action*='Send']", Fields(("kind", "update"), ("text", "Police arrived, stay on the pavement")));
        var incident = IncidentOf(taken);
        var told = await Server.WithDbAsync(async db =>
        {
            var update = await db.AlertMessages.Where(m => m.IncidentId == incident).OrderByDescending(m => m.Sequence).FirstAsync();
            Assert.Equal("Police arrived, stay on the pavement", update.Text);
            return await db.AlertDeliveries.Where(d => d.MessageId == update.Id).Select(d => d.UserId).ToListAsync();
        });
        var everyone = await Server.WithDbAsync(db => db.AlertRecipients.Where(r => r.IncidentId == incident).Select(r => r.UserId).ToListAsync());
        Assert.Equal(everyone.Order(), told.Order());
        Assert.Contains(await Steps.UserIdAsync("Rr flow-member-1"), told);

        var closed = await dispatcher.SubmitAsync(await dispatcher.GetAsync(path), "form[action*='Send']",
            Fields(("kind", "allclear"), ("text", "All clear, thank you"), ("outcome", "Eviction postponed")));
        Assert.Equal("closed", closed.Document.QuerySelector("[data-testid=state]")!.TextContent);
        Assert.Equal("Eviction postponed", closed.Document.QuerySelector("[data-testid=outcome]")!.TextContent);
    }

    [Fact]
    public async Task Drills_are_kept_apart_and_repeats_are_joined_to_the_earlier_report()
    {
        var (slug, dispatcher, verifier, _, _) = await Steps.NetworkAsync("Rr repeats");
        var drill = await Steps.IntakeAsync(dispatcher, slug, "Drill: raid at the bakery", exercise: true);
        Assert.NotNull(drill.Document.QuerySelector("[data-testid=drill]"));
        var first = await Steps.IntakeAsync(dispatcher, slug, "Raid at the warehouse gate");
        var again = await Steps.IntakeAsync(dispatcher, slug, "Lots of vans at the warehouse");
        var desk = await verifier.GetAsync(Desk(slug));
        Assert.Equal(2, desk.Document.QuerySelectorAll("[data-testid=real] [data-testid=unverified]").Length);
        Assert.Contains("Drill: raid", desk.Document.QuerySelector("[data-testid=drills] [data-testid=unverified]")!.TextContent);
        Assert.DoesNotContain("Drill", desk.Document.QuerySelector("[data-testid=real]")!.TextContent);

        // The later one offers the earlier one (not the drill) as possibly the same.
        var later = await verifier.GetAsync(again.Path);
        var repeats = later.Document.QuerySelectorAll("[data-testid=repeat]");
        Assert.Contains("Raid at the warehouse gate", Assert.Single(repeats).TextContent);
        var joined = await verifier.SubmitAsync(later, "form[action*='Link']");
        Assert.Equal(first.Path, joined.Path);
        Assert.Equal(2, joined.Document.QuerySelectorAll("[data-testid=report]").Length);
        Assert.Equal("closed", (await verifier.GetAsync(again.Path)).Document.QuerySelector("[data-testid=state]")!.TextContent);

        // The intake can add a report to an open incident straight away.
        var added = await Steps.IntakeAsync(dispatcher, slug, "Third caller: they are taking people away", sameAs: IncidentOf(first));
        Assert.Equal(first.Path, added.Path);
        Assert.Equal(3, added.Document.QuerySelectorAll("[data-testid=report]").Length);
    }

    [Fact]
    public async Task A_photo_sent_with_a_public_report_is_served_to_verifiers_without_its_location_or_camera()
    {
        var (slug, dispatcher, _, _, _) = await Steps.NetworkAsync("Rr exif");
        using var reporter = Server.NewSession();
        var form = await reporter.GetAsync($"{Desk(slug)}/report");
        var zone = form.Document.QuerySelectorAll("#Form_ZoneId option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!;
        var sent = await reporter.SubmitWithFilesAsync(form, "form[method=post]", Fields(("Form.ZoneId", zone), ("Form.What", "Raid at the bakery"), ("Form.Where", "Main St 4")),
            new WebSession.Upload("Photo", "IMG_0001.jpg", ReportPhotosTests.PhoneJpeg(), "image/jpeg"));
        Assert.NotNull(sent.Document.QuerySelector("[data-testid=reported]"));

        var photoId = await Server.WithDbAsync(db => db.ReportPhotos.Where(p => db.Reports.Any(r => r.Id == p.ReportId && db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug))).Select(p => p.Id).SingleAsync());
        var served = await dispatcher.Http.GetByteArrayAsync($"{Desk(slug)}/photos/{photoId}");
        ReportPhotosTests.AssertCarriesNothingButPixels(served);
    }

    [Fact]
    public async Task Report_photos_are_served_uncached_to_verifiers_only()
    {
        var (slug, dispatcher, verifier, responder, member) = await Steps.NetworkAsync("Rr photos");
        var taken = await Steps.IntakeAsync(dispatcher, slug, "Fire at the community centre");
        var incident = IncidentOf(taken);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];
        var photoId = Guid.NewGuid();
        await Server.WithDbAsync(async db =>
        {
            var encryption = Server.App.Services.GetRequiredService<FieldEncryption>();
            var report = await db.Reports.FirstAsync(r => r.IncidentId == incident);
            db.ReportPhotos.Add(new ReportPhoto { Id = photoId, ReportId = report.Id, IncidentId = incident, Content = encryption.Encrypt(jpeg), Width = 1, Height = 1, CreatedAt = Server.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var photoPath = $"{Desk(slug)}/photos/{photoId}";
        Assert.NotNull((await verifier.GetAsync(taken.Path)).Document.QuerySelector($"img[src='{photoPath}']"));

        var shown = await verifier.Http.GetAsync(photoPath);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", shown.Headers.CacheControl!.ToString());
        Assert.Contains("private", shown.Headers.CacheControl!.ToString());
        Assert.Equal(jpeg, await shown.Content.ReadAsByteArrayAsync());

        using var stranger = await Server.NewMemberAsync("Rr photos-stranger");
        foreach (var other in new[] { responder, member, stranger })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(photoPath)).StatusCode);
        // Another group's desk does not serve it either.
        var (otherSlug, otherCoordinator, _, _, _) = await Steps.NetworkAsync("Rr photos other");
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.Http.GetAsync($"{Desk(otherSlug)}/photos/{photoId}")).StatusCode);
    }
}
