using System.Net;
using Microsoft.EntityFrameworkCore;
using Plenum.Aid;
using Plenum.Notifications;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Aid.AidSteps;

namespace Plenum.Tests.Aid;

/// <summary>Needs met in parts, repeated requests, "not this volunteer again", safety reports, referral and bad input.</summary>
public sealed class AidSafetyAndSharingTests(AidServerFixture fixture) : IClassFixture<AidServerFixture>
{
    PlenumServer Server => fixture.Server;
    AidSteps Steps => new(Server);

    [Fact]
    public async Task A_week_of_meals_is_shared_by_several_volunteers_with_progress_but_not_who_gave_what()
    {
        var (slug, _, members) = await Steps.GroupAsync("Meal train", 3);
        using var requester = Server.NewSession();
        var follow = await Steps.AskAsync(requester, slug, "meals", "North", ("Form.Target", "7"), ("Form.Unit", "meals"), ("Form.Contact", "meals@example.org"));
        var id = await Steps.LatestNeedAsync(slug);
        await ClaimAsync(members[0], slug, id, share: 3);
        Assert.Contains("4 meals are still open", (await ClaimAsync(members[1], slug, id, share: 5)).Text);
        await ClaimAsync(members[1], slug, id, share: 4);
        var page = await requester.GetAsync(follow);
        foreach (var form in page.Document.QuerySelectorAll("form[action*='handler=Accept']").ToList())
            await requester.SubmitAsync(await requester.GetAsync(follow), $"form[action='{form.GetAttribute("action")}']");
        await members[0].SubmitAsync(await members[0].GetAsync(NeedPath(slug, id)), "form[action*='Done']");

        var bystander = await members[2].GetAsync(NeedPath(slug, id));
        Assert.Equal("3 of 7 meals given", bystander.Document.QuerySelector("[data-testid=progress]")!.TextContent);
        Assert.DoesNotContain("Meal train-member-0", bystander.Text);
        Assert.DoesNotContain("Meal train-member-1", bystander.Text);
        Assert.Contains("3 of 7 meals given", (await members[2].GetAsync($"/groups/{slug}/aid")).Text);

        await members[1].SubmitAsync(await members[1].GetAsync(NeedPath(slug, id)), "form[action*='Done']");
        var done = await members[2].GetAsync(NeedPath(slug, id));
        Assert.Equal("7 of 7 meals given", done.Document.QuerySelector("[data-testid=progress]")!.TextContent);
        Assert.Equal("done", done.Document.QuerySelector("[data-testid=status]")!.TextContent);
    }

    [Fact]
    public async Task Asking_again_links_the_requests_and_escalates_and_not_this_volunteer_again_holds_for_later_requests()
    {
        var (slug, coordinator, members) = await Steps.GroupAsync("Repeat aid", 2);
        using var requester = Server.NewSession();
        var first = await Steps.AskAsync(requester, slug, "groceries", "North", ("Form.Contact", "0176 111 2222"));
        var firstId = await Steps.LatestNeedAsync(slug);
        await ClaimAsync(members[0], slug, firstId);
        var declined = await OnFollowAsync(requester, first, "Decline", null);
        Assert.Contains("Declined.", declined.Text);
        var notAgain = (await requester.GetAsync(first)).Document.QuerySelectorAll("main form").Select(f => f.GetAttribute("action")!)
            .Single(a => a.Contains("notAgain"));
        Assert.Contains("will not be able to take your requests again", (await requester.SubmitAsync(await requester.GetAsync(first), $"form[action='{notAgain}']")).Text);

        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        await Steps.AskAsync(requester, slug, "groceries", "South", ("Form.Contact", "+49 (0)176 111-2222".Replace("+49 (0)", "0")));
        var secondId = await Steps.LatestNeedAsync(slug);
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(firstId, await Server.WithDbAsync(db => db.AidRequests.Where(r => r.Id == secondId).Select(r => r.RepeatOfId).SingleAsync()));
        Assert.Equal(2, await Server.WithDbAsync(db => db.AidRequests.CountAsync(r => r.Status == AidStatus.Open && db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug))));
        Assert.Contains(NotificationKind.AidEscalation, await Steps.NoticesAsync("Repeat aid-coordinator"));
        Assert.Contains("The same person asked before", (await coordinator.GetAsync(NeedPath(slug, secondId))).Text);
        Assert.Contains("asked again", (await coordinator.GetAsync($"/groups/{slug}/aid")).Text);

        Assert.Contains("Someone else will take this one.", (await ClaimAsync(members[0], slug, secondId)).Text);
        Assert.Contains("Thank you!", (await ClaimAsync(members[1], slug, secondId)).Text);
    }

    [Fact]
    public async Task Reports_about_a_volunteer_reach_only_the_safety_contact_or_else_the_coordinators()
    {
        var (slug, coordinator, members) = await Steps.GroupAsync("Safe aid", 3);
        using var requester = Server.NewSession();
        var follow = await Steps.AskAsync(requester, slug, "ride", "North");
        var id = await Steps.LatestNeedAsync(slug);
        await ClaimAsync(members[0], slug, id);
        var reported = await OnFollowAsync(requester, follow, "Report", Fields(("body", "Was rude and asked for money.")));
        Assert.Contains("went privately", reported.Text);
        Assert.Contains(NotificationKind.AidReport, await Steps.NoticesAsync("Safe aid-coordinator"));
        Assert.Contains("Was rude and asked for money.", (await coordinator.GetAsync($"/groups/{slug}/aid/safety")).Text);

        await Steps.RoleAsync(slug, "Safety contact", "Safe aid-member-1");
        var byMember = await members[2].SubmitAsync(await members[2].GetAsync($"/groups/{slug}/aid/safety"), "form[action*='Report']",
            Fields(("volunteer", "Safe aid-member-0"), ("body", "Turned up drunk.")));
        Assert.Contains("went privately", byMember.Text);
        Assert.Contains(NotificationKind.AidReport, await Steps.NoticesAsync("Safe aid-member-1"));
        Assert.Contains("Turned up drunk.", (await members[1].GetAsync($"/groups/{slug}/aid/safety")).Text);
        foreach (var other in new[] { coordinator, members[0], members[2] })
            Assert.DoesNotContain("Turned up drunk.", (await other.GetAsync($"/groups/{slug}/aid/safety")).Text);
        Assert.StartsWith("enc1:", (await Server.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Body\" AS \"Value\" FROM \"AidReports\"").ToListAsync())).First());
    }

    [Fact]
    public async Task A_need_is_referred_to_a_neighbouring_group_with_only_what_it_needs_and_the_follow_link_moves_along()
    {
        var (slug, coordinator, _) = await Steps.GroupAsync("City aid", 0);
        var child = await coordinator.SubmitAsync(await coordinator.GetAsync("/groups/new"), null,
            Fields(("Form.Name", "Riverside aid"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open"), ("Form.Parent", slug)));
        var childSlug = child.Path.Split('/')[2];
        await coordinator.SubmitAsync(await coordinator.GetAsync($"/groups/{childSlug}/aid"), "form[action*='TurnOn']");
        using var requester = Server.NewSession();
        var follow = await Steps.AskAsync(requester, slug, "housing", "North", ("Form.Details", "Roof leaks"), ("Form.Address", "Kai 9"));
        var id = await Steps.LatestNeedAsync(slug);
        var page = await coordinator.GetAsync(NeedPath(slug, id));
        var option = page.Document.QuerySelector("#refer-target option")!.GetAttribute("value")!;
        var referred = await coordinator.SubmitAsync(page, "form[action*='Refer']", Fields(("target", option)));
        Assert.Contains("The need is passed on", referred.Text);
        Assert.Equal("referred to another group", referred.Document.QuerySelector("[data-testid=status]")!.TextContent);

        var moved = await Steps.LatestNeedAsync(childSlug);
        var there = await Server.WithDbAsync(db => db.AidRequests.SingleAsync(r => r.Id == moved));
        Assert.Equal(("Roof leaks", "Kai 9", 0), (there.Details, there.Address, await Server.WithDbAsync(db => db.AidClaims.CountAsync(c => c.RequestId == moved))));
        var followed = await requester.GetAsync(follow);
        Assert.Contains("Riverside aid", followed.Text);
        Assert.Contains("open", followed.Document.QuerySelector("[data-testid=status]")!.TextContent);
    }

    [Theory]
    [InlineData("Form.Contact=call me maybe", "Give a phone number")]
    [InlineData("Form.Target=0", "How many parts")]
    [InlineData("Form.Unit=meals", "A unit only goes with")]
    [InlineData("Form.CategoryId=00000000-0000-0000-0000-000000000001", "Choose what kind of help")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_stored(string given, string message)
    {
        var (slug, _, _) = await Steps.GroupAsync($"Bad aid {Guid.NewGuid():N}"[..16], 0);
        using var requester = Server.NewSession();
        var page = await requester.GetAsync($"/groups/{slug}/aid/ask");
        var (key, value) = (given.Split('=')[0], given.Split('=')[1]);
        var fields = Fields(("Form.CategoryId", (await Steps.CategoryAsync(slug, "meals")).ToString()), ("Form.AreaId", (await Steps.AreaAsync(slug, "North")).ToString()));
        fields[key] = value;
        var refused = await requester.SubmitAsync(page, null, fields);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.Document.QuerySelector(".validation-summary-errors")?.TextContent ?? refused.Text);
        Assert.Null(refused.Document.QuerySelector("[data-testid=follow-link]"));
        Assert.Equal(0, await Server.WithDbAsync(db => db.AidRequests.CountAsync(r => db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug))));
    }
}
