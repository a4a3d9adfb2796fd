using Microsoft.EntityFrameworkCore;
using Plenum.Groups;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Groups;

/// <summary>The first admin sets up, creates groups, invites people who join under pseudonyms; vouching admits applicants.</summary>
public sealed class GroupLifecycleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;

    WebSession Admin => fixture.Admin;

    static async Task<WebSession.Page> CreateGroupAsync(WebSession session, string name, string kind = "AffinityGroup", string policy = "InviteOnly", string vouches = "1")
    {
        var form = await session.GetAsync("/groups/new");
        return await session.SubmitAsync(form, null, new Dictionary<string, string>
        {
            ["Form.Name"] = name, ["Form.Kind"] = kind, ["Form.JoinPolicy"] = policy, ["Form.VouchesRequired"] = vouches,
        });
    }

    static async Task<string> InviteLinkAsync(WebSession session, string slug, string maxUses = "1")
    {
        var invite = await session.GetAsync($"/groups/{slug}/invite");
        var created = await session.SubmitAsync(invite, "form[action*='Create']", new Dictionary<string, string> { ["MaxUses"] = maxUses });
        var link = created.Document.QuerySelector("#new-link")?.TextContent ?? throw new InvalidOperationException(created.Text);
        return new Uri(link).AbsolutePath;
    }

    [Fact]
    public async Task First_admin_invite_makes_an_administrator_and_works_once()
    {
        var admin = Admin;
        Assert.True(await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "first-admin").Select(u => u.IsInstanceAdmin).SingleAsync()));
        using var stranger = Server.NewSession();
        var again = await stranger.GetAsync(Server.FirstAdminInvitePath);
        Assert.Contains("does not work", again.Text);
    }

    [Fact]
    public async Task Invited_person_joins_under_a_pseudonym_and_the_link_respects_its_limit()
    {
        var admin = Admin;
        var created = await CreateGroupAsync(admin, "Eviction watch");
        Assert.Equal("/groups/eviction-watch", created.Path);
        var link = await InviteLinkAsync(admin, "eviction-watch", maxUses: "1");

        using var invited = Server.NewSession();
        var joined = await invited.RegisterAsync(link, "Rosa");
        Assert.Equal("/groups/eviction-watch", joined.Path);
        Assert.Contains("Welcome to Eviction watch", joined.Text);

        using var latecomer = Server.NewSession();
        var refused = await latecomer.GetAsync(link);
        Assert.Contains("does not work", refused.Text);
        Assert.Equal(2, await Server.WithDbAsync(db => db.Memberships.CountAsync(m => m.Group.Slug == "eviction-watch")));
    }

    [Fact]
    public async Task Closed_group_is_invisible_to_outsiders()
    {
        var admin = Admin;
        await CreateGroupAsync(admin, "Secret circle");
        using var outsider = Server.NewSession();
        var link = await InviteLinkAsync(admin, "secret-circle", maxUses: "1");
        await outsider.RegisterAsync(link, "Outsider-in-circle");
        await outsider.SubmitAsync(await outsider.GetAsync("/groups/secret-circle"), "form[action*='Leave']");
        var hidden = await outsider.GetAsync("/groups/secret-circle");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, hidden.Status);
    }

    [Fact]
    public async Task Invalid_group_form_is_refused_with_a_message_and_nothing_is_saved()
    {
        var admin = Admin;
        var before = await Server.WithDbAsync(db => db.Groups.CountAsync());
        var empty = await CreateGroupAsync(admin, "");
        Assert.Contains("Give the group a name", empty.Text);
        var openAffinity = await CreateGroupAsync(admin, "Open affinity", kind: "AffinityGroup", policy: "Open");
        Assert.Contains("Affinity groups are closed", openAffinity.Text);
        Assert.Equal(before, await Server.WithDbAsync(db => db.Groups.CountAsync()));
    }

    [Fact]
    public async Task Applicant_becomes_member_after_the_required_vouches()
    {
        var admin = Admin;
        await CreateGroupAsync(admin, "Tenants of Elm Street", kind: "Assembly", policy: "ByRequest", vouches: "2");
        // A second member to vouch.
        var memberLink = await InviteLinkAsync(admin, "tenants-of-elm-street");
        using var member = Server.NewSession();
        await member.RegisterAsync(memberLink, "Neighbour-two");

        using var applicant = Server.NewSession();
        var otherGroupLink = await InviteLinkAsync(admin, (await CreateGroupAsync(admin, "Elm lobby")).Path.Split('/').Last());
        await applicant.RegisterAsync(otherGroupLink, "Applicant-one");
        var groupPage = await applicant.GetAsync("/groups/tenants-of-elm-street");
        await applicant.SubmitAsync(groupPage, "form[action*='Request']", new Dictionary<string, string> { ["Message"] = "I live at number 12" });

        var first = await admin.SubmitAsync(await admin.GetAsync("/groups/tenants-of-elm-street"), "form[action*='Vouch']");
        Assert.True(first.Text.Contains("1 of 2 vouches"), first.Text);
        Assert.Null(await Server.WithDbAsync(db => db.Memberships.FirstOrDefaultAsync(m => m.Group.Slug == "tenants-of-elm-street" && m.User!.UserName == "Applicant-one")));

        await member.SubmitAsync(await member.GetAsync("/groups/tenants-of-elm-street"), "form[action*='Vouch']");
        var membership = await Server.WithDbAsync(db => db.Memberships.FirstOrDefaultAsync(m => m.Group.Slug == "tenants-of-elm-street" && m.User!.UserName == "Applicant-one"));
        Assert.NotNull(membership);
        Assert.Equal(GroupRole.Member, membership!.Role);
    }

    [Fact]
    public async Task Affinity_group_archives_itself_after_its_end_date()
    {
        var admin = Admin;
        var form = await admin.GetAsync("/groups/new");
        var end = Server.Clock.GetUtcNow().AddDays(2).UtcDateTime.ToString("yyyy-MM-ddTHH:mm");
        await admin.SubmitAsync(form, null, new Dictionary<string, string> { ["Form.Name"] = "One night action", ["Form.EndsAt"] = end });
        await Server.RunHousekeepingAsync();
        Assert.False(await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == "one-night-action").Select(g => g.ArchivedAt != null).SingleAsync()));
        Server.Clock.Advance(TimeSpan.FromDays(3));
        await Server.RunHousekeepingAsync();
        Assert.True(await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == "one-night-action").Select(g => g.ArchivedAt != null).SingleAsync()));
    }

    [Fact]
    public async Task Removing_a_member_is_logged_with_the_reason()
    {
        var admin = Admin;
        await CreateGroupAsync(admin, "Food not bombs");
        using var member = Server.NewSession();
        await member.RegisterAsync(await InviteLinkAsync(admin, "food-not-bombs"), "Kitchen-helper");
        var members = await admin.GetAsync("/groups/food-not-bombs/members");
        var removed = await admin.SubmitAsync(members, "form[action*='Remove']", new Dictionary<string, string> { ["reason"] = "asked to be removed" });
        Assert.Contains("removed a member (Kitchen-helper: asked to be removed)", removed.Text);
        Assert.Equal(1, await Server.WithDbAsync(db => db.Memberships.CountAsync(m => m.Group.Slug == "food-not-bombs")));
    }

    [Fact]
    public async Task A_blank_vote_weight_is_refused_rather_than_taken_as_zero()
    {
        var founder = await Server.NewMemberAsync("Blank-weight-founder");
        var slug = (await CreateGroupAsync(founder, "Blank weight co-op", "Assembly", "Open")).Path.Split('/')[2];
        var founderId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "Blank-weight-founder").Select(u => u.Id).SingleAsync());
        var page = await founder.GetAsync($"/groups/{slug}/members");
        var refused = await founder.Http.PostAsync($"/groups/{slug}/members?handler=Weight&member={founderId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["weight"] = "", ["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Contains("Give the vote weight", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await Server.WithDbAsync(db => db.Memberships.Where(m => m.UserId == founderId).Select(m => m.VoteWeight).SingleAsync()));
    }
}
