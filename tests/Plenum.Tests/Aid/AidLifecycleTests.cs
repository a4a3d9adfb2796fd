using System.Net;
using Microsoft.EntityFrameworkCore;
using Plenum.Aid;
using Plenum.Notifications;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Aid.AidSteps;

namespace Plenum.Tests.Aid;

/// <summary>A need from posting to purge through the pages: posted without an account, claimed, accepted, talked over, fulfilled, and its contact deleted.</summary>
public sealed class AidLifecycleTests(AidServerFixture fixture) : IClassFixture<AidServerFixture>
{
    PlenumServer Server => fixture.Server;
    AidSteps Steps => new(Server);

    [Fact]
    public async Task A_need_goes_from_post_to_match_claim_accept_fulfil_and_purge()
    {
        var (slug, coordinator, members) = await Steps.GroupAsync("Eastside aid", 2);
        var (volunteer, bystander) = (members[0], members[1]);
        var groceries = await Steps.CategoryAsync(slug, "groceries");
        var north = await Steps.AreaAsync(slug, "North");
        // A standing offer that fits: its holder is told of the need (the match).
        Assert.Contains("Your offer is saved", (await volunteer.SubmitAsync(await volunteer.GetAsync($"/groups/{slug}/aid/offers"), "form[action*='Add']",
            Fields(("category", groceries.ToString()), ("area", north.ToString()), ("timing", "Anytime")))).Text);

        using var requester = Server.NewSession();
        var follow = await Steps.AskAsync(requester, slug, "groceries", "North",
            ("Form.Details", "Rice, oil and nappies size 4"), ("Form.ContactName", "Mira"), ("Form.Contact", "+49 170 1234567"), ("Form.Address", "Lindenstr. 12, 3rd floor"));
        var id = await Steps.LatestNeedAsync(slug);
        Assert.Contains(NotificationKind.AidMatch, await Steps.NoticesAsync("Eastside aid-member-0"));
        Assert.DoesNotContain(NotificationKind.AidMatch, await Steps.NoticesAsync("Eastside aid-member-1"));
        // The notice leads to the need's own page.
        Assert.NotNull((await volunteer.GetAsync("/notifications")).Document.QuerySelector($"a[href='{NeedPath(slug, id)}']"));

        // Stored encrypted; the follow secret only as a keyed hash.
        foreach (var column in new[] { "Details", "ContactName", "Contact", "Address" })
            Assert.StartsWith("enc1:", await ColumnAsync(id, column));
        Assert.StartsWith("h1:", await ColumnAsync(id, "FollowHash"));
        Assert.DoesNotContain(follow.Split('/').Last(), await ColumnAsync(id, "FollowHash"));

        // The board and the need's page show kind, area and timing only.
        var board = await volunteer.GetAsync($"/groups/{slug}/aid");
        Assert.Contains("groceries in North", board.Text);
        var before = await volunteer.GetAsync(NeedPath(slug, id));
        foreach (var secret in new[] { "Rice, oil", "Mira", "1234567", "Lindenstr" })
        {
            Assert.DoesNotContain(secret, board.Html);
            Assert.DoesNotContain(secret, before.Html);
        }

        Assert.Contains("The requester is asked to accept you", (await ClaimAsync(volunteer, slug, id)).Text);
        Assert.DoesNotContain("Lindenstr", (await volunteer.GetAsync(NeedPath(slug, id))).Html);
        var offered = await requester.GetAsync(follow);
        Assert.Contains("Eastside aid-member-0", offered.Text);
        Assert.Contains("You accepted the offer", (await OnFollowAsync(requester, follow, "Accept")).Text);

        var accepted = await volunteer.GetAsync(NeedPath(slug, id));
        Assert.Equal("Rice, oil and nappies size 4", accepted.Document.QuerySelector("[data-testid=details]")!.TextContent);
        Assert.Equal("Lindenstr. 12, 3rd floor", accepted.Document.QuerySelector("[data-testid=address]")!.TextContent);
        Assert.Equal("+49 170 1234567", accepted.Document.QuerySelector("[data-testid=contact]")!.TextContent);
        Assert.Contains(NotificationKind.AidClaim, await Steps.NoticesAsync("Eastside aid-member-0"));
        // Others in the group, even coordinators, still do not see the contact or address of a self-posted need.
        foreach (var other in new[] { bystander, coordinator })
        {
            var page = await other.GetAsync(NeedPath(slug, id));
            Assert.DoesNotContain("Lindenstr", page.Html);
            Assert.DoesNotContain("1234567", page.Html);
        }
        Assert.DoesNotContain("Rice, oil", (await bystander.GetAsync(NeedPath(slug, id))).Html);

        // The relay: messages on the request page, both ways.
        Assert.Contains("Your message is sent through Plenum.", (await volunteer.SubmitAsync(accepted, "form[action*='Message']", Fields(("body", "I can come at six. Ring twice?")))).Text);
        var withMessage = await requester.GetAsync(follow);
        Assert.Contains("I can come at six. Ring twice?", withMessage.Text);
        await requester.SubmitAsync(withMessage, "form[action*='Message']", Fields(("body", "Yes, thank you!")));
        Assert.Contains("Yes, thank you!", (await volunteer.GetAsync(NeedPath(slug, id))).Text);
        Assert.DoesNotContain("Ring twice", (await bystander.GetAsync(NeedPath(slug, id))).Html);
        Assert.StartsWith("enc1:", Assert.Single(await Server.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT \"Body\" AS \"Value\" FROM \"AidMessages\" WHERE \"Body\" IS NOT NULL").Take(1).ToListAsync())));

        var done = await volunteer.SubmitAsync(await volunteer.GetAsync(NeedPath(slug, id)), "form[action*='Done']");
        Assert.Contains("Marked as done.", done.Text);
        Assert.Equal("done", done.Document.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.DoesNotContain("groceries in North", (await volunteer.GetAsync($"/groups/{slug}/aid")).Text);

        // Kept for the group's 14 days, then purged: no details, contact, address, follow link or messages.
        Server.Clock.Advance(TimeSpan.FromDays(13));
        await Server.RunHousekeepingAsync();
        Assert.Contains("Lindenstr", (await volunteer.GetAsync(NeedPath(slug, id))).Html);
        Server.Clock.Advance(TimeSpan.FromDays(2));
        await Server.RunHousekeepingAsync();
        var purged = await volunteer.GetAsync(NeedPath(slug, id));
        Assert.Contains("Deleted after the need closed.", purged.Text);
        foreach (var secret in new[] { "Rice, oil", "Mira", "1234567", "Lindenstr", "Ring twice" }) Assert.DoesNotContain(secret, purged.Html);
        foreach (var column in new[] { "Details", "ContactName", "Contact", "Address", "ContactHash", "FollowHash" })
            Assert.Null(await ColumnAsync(id, column));
        Assert.Equal(0, await Server.WithDbAsync(db => db.AidMessages.CountAsync(m => db.AidClaims.Any(c => c.Id == m.ClaimId && c.RequestId == id))));
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync(follow)).Status);
        // What is left feeds the dashboard.
        var dashboard = await coordinator.GetAsync($"/groups/{slug}/aid/dashboard");
        Assert.NotNull(dashboard.Document.QuerySelector("svg[role=img] desc"));
        Assert.Contains("1 fulfilled", dashboard.Document.QuerySelector("svg desc")!.TextContent);
    }

    [Fact]
    public async Task A_claim_without_check_in_lapses_and_the_need_goes_back_on_the_board()
    {
        var (slug, _, members) = await Steps.GroupAsync("Lapse aid", 2);
        using var requester = Server.NewSession();
        var follow = await Steps.AskAsync(requester, slug, "ride", "South", ("Form.Contact", "ride@example.org"));
        var id = await Steps.LatestNeedAsync(slug);
        await ClaimAsync(members[0], slug, id, hours: 2);
        var taken = await members[1].GetAsync(NeedPath(slug, id));
        Assert.Contains("Someone is on it already.", taken.Text);
        Assert.Null(taken.Document.QuerySelector("form[action*='Claim']"));

        Server.Clock.Advance(TimeSpan.FromHours(1));
        await Server.RunHousekeepingAsync();
        // Checking in moves the expected time on.
        var checkIn = await members[0].SubmitAsync(await members[0].GetAsync(NeedPath(slug, id)), "form[action*='CheckIn']", Fields(("hours", "2")));
        Assert.Contains("Checked in", checkIn.Text);
        Server.Clock.Advance(TimeSpan.FromHours(1.5));
        await Server.RunHousekeepingAsync();
        Assert.Equal(ClaimStatus.Offered, await Server.WithDbAsync(db => db.AidClaims.Where(c => c.RequestId == id).Select(c => c.Status).SingleAsync()));

        Server.Clock.Advance(TimeSpan.FromHours(1));
        await Server.RunHousekeepingAsync();
        Assert.Equal(ClaimStatus.Lapsed, await Server.WithDbAsync(db => db.AidClaims.Where(c => c.RequestId == id).Select(c => c.Status).SingleAsync()));
        Assert.Contains(NotificationKind.AidClaim, await Steps.NoticesAsync("Lapse aid-member-0"));
        var board = await members[1].GetAsync($"/groups/{slug}/aid");
        var line = Assert.Single(board.Document.QuerySelectorAll("[data-testid=need]"));
        Assert.DoesNotContain("claimed", line.TextContent);
        Assert.Contains("Thank you!", (await ClaimAsync(members[1], slug, id)).Text);
        Assert.Contains("lapsed", (await requester.GetAsync(follow)).Text);
    }

    [Fact]
    public async Task The_requester_is_prompted_and_a_need_nobody_claims_is_escalated_to_dispatchers_until_still_needed()
    {
        var (slug, coordinator, _) = await Steps.GroupAsync("Prompt aid", 0);
        using var requester = Server.NewSession();
        var follow = await Steps.AskAsync(requester, slug, "meals", "North");
        var page = await requester.GetAsync(follow);
        foreach (var prompt in new[] { "Still need it", "Got it", "Cancel my request" }) Assert.Contains(prompt, page.Text);

        Server.Clock.Advance(TimeSpan.FromDays(4));
        await Server.RunHousekeepingAsync();
        await Server.RunHousekeepingAsync();
        Assert.Single(await Steps.NoticesAsync("Prompt aid-coordinator"), k => k == NotificationKind.AidEscalation);
        Assert.Contains("stuck", (await coordinator.GetAsync($"/groups/{slug}/aid")).Document.QuerySelector("[data-testid=need]")!.TextContent);

        Assert.Contains("your request stays on the board", (await OnFollowAsync(requester, follow, "Still")).Text);
        Assert.DoesNotContain("stuck", (await coordinator.GetAsync($"/groups/{slug}/aid")).Document.QuerySelector("[data-testid=need]")!.TextContent);
        var gotIt = await OnFollowAsync(requester, follow, "GotIt");
        Assert.Contains("Glad you got it.", gotIt.Text);
        Assert.Equal("done", gotIt.Document.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.DoesNotContain("Still need it", gotIt.Text);
        Assert.Contains("This need is already closed.", (await requester.SubmitAsync(page, "form[action*='handler=Cancel']")).Text);
    }

    Task<string?> ColumnAsync(Guid id, string column) => Server.WithDbAsync(async db =>
    {
        var query = $"SELECT \"{column}\" AS \"Value\" FROM \"AidRequests\" WHERE \"Id\" = '{id.ToString().ToUpperInvariant()}' OR \"Id\" = '{id}'";
        return (await db.Database.SqlQueryRaw<string?>(query).ToListAsync()).Single();
    });
}
