using Microsoft.EntityFrameworkCore;
using Plenum.Aid;
using Plenum.Groups;
using Plenum.Notifications;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Aid;

/// <summary>What the mutual aid tests do again and again, through the pages as people would.</summary>
public sealed class AidSteps(PlenumServer server)
{
    public static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A group whose founder turned mutual aid on and named the areas North and South; other members are put straight in.</summary>
    public async Task<(string Slug, WebSession Coordinator, WebSession[] Members)> GroupAsync(string name, int members)
    {
        var coordinator = await server.NewMemberAsync($"{name}-coordinator");
        var created = await coordinator.SubmitAsync(await coordinator.GetAsync("/groups/new"), null,
            Fields(("Form.Name", name), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var on = await coordinator.SubmitAsync(await coordinator.GetAsync($"/groups/{slug}/aid"), "form[action*='TurnOn']");
        Assert.Contains("Mutual aid is on.", on.Text);
        foreach (var area in new[] { "North", "South" })
            Assert.Contains("The area is added.", (await coordinator.SubmitAsync(await coordinator.GetAsync($"/groups/{slug}/aid/settings"),
                "form[action*='AddArea']", Fields(("name", area)))).Text);
        var sessions = new WebSession[members];
        for (var i = 0; i < members; i++) sessions[i] = await AddMemberAsync(slug, $"{name}-member-{i}");
        return (slug, coordinator, sessions);
    }

    public async Task<WebSession> AddMemberAsync(string slug, string pseudonym)
    {
        var session = await server.NewMemberAsync(pseudonym);
        await server.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == slug);
            var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
            db.Memberships.Add(new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = GroupRole.Member, JoinedAt = server.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        return session;
    }

    public Task<Guid> CategoryAsync(string slug, string name) => server.WithDbAsync(db =>
        db.AidCategories.Where(c => c.Name == name && db.Groups.Any(g => g.Id == c.GroupId && g.Slug == slug)).Select(c => c.Id).SingleAsync());

    public Task<Guid> AreaAsync(string slug, string name) => server.WithDbAsync(db =>
        db.AidAreas.Where(a => a.Name == name && db.Groups.Any(g => g.Id == a.GroupId && g.Slug == slug)).Select(a => a.Id).SingleAsync());

    /// <summary>Asks for help through the public form without an account; returns the follow link's path.</summary>
    public async Task<string> AskAsync(WebSession requester, string slug, string category, string area, params (string Key, string Value)[] more)
    {
        var page = await requester.GetAsync($"/groups/{slug}/aid/ask");
        var fields = Fields(("Form.CategoryId", (await CategoryAsync(slug, category)).ToString()), ("Form.AreaId", (await AreaAsync(slug, area)).ToString()));
        foreach (var (key, value) in more) fields[key] = value;
        var asked = await requester.SubmitAsync(page, null, fields);
        var link = asked.Document.QuerySelector("[data-testid=follow-link]")?.GetAttribute("href") ?? throw new InvalidOperationException(asked.Text);
        return new Uri(link).AbsolutePath;
    }

    /// <summary>The newest need of the group.</summary>
    public Task<Guid> LatestNeedAsync(string slug) => server.WithDbAsync(db =>
        db.AidRequests.Where(r => db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug)).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => r.Id).FirstAsync());

    public static string NeedPath(string slug, Guid id) => $"/groups/{slug}/aid/needs/{id}";

    public static async Task<WebSession.Page> ClaimAsync(WebSession volunteer, string slug, Guid id, int hours = 24, int? share = null)
    {
        var fields = Fields(("hours", hours.ToString()));
        if (share is { } s) fields["share"] = s.ToString();
        return await volunteer.SubmitAsync(await volunteer.GetAsync(NeedPath(slug, id)), "form[action*='Claim']", fields);
    }

    /// <summary>Clicks a handler's button on the requester's follow page (the first of its forms).</summary>
    public static async Task<WebSession.Page> OnFollowAsync(WebSession requester, string followPath, string handler, Dictionary<string, string>? fields = null) =>
        await requester.SubmitAsync(await requester.GetAsync(followPath), $"form[action*='handler={handler}']", fields);

    public Task<List<NotificationKind>> NoticesAsync(string pseudonym) => server.WithDbAsync(db =>
        db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == pseudonym)).OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync());

    public Task MarkVettedAsync(string slug, string pseudonym) => server.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Slug == slug);
        var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
        db.AidVettings.Add(new AidVetting { GroupId = group.Id, UserId = user.Id, How = VettedBy.Orientation, At = server.Clock.GetUtcNow() });
        return await db.SaveChangesAsync();
    });

    /// <summary>A rotating role of the group held by the member now (roles are tested with roles).</summary>
    public Task RoleAsync(string slug, string role, string holder) => server.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Slug == slug);
        var user = await db.Users.SingleAsync(u => u.UserName == holder);
        var now = server.Clock.GetUtcNow();
        var rotating = new Plenum.Roles.RotatingRole { Id = Guid.NewGuid(), GroupId = group.Id, Name = role, CreatedAt = now };
        db.RotatingRoles.Add(rotating);
        db.RoleTerms.Add(new Plenum.Roles.RoleTerm { Id = Guid.NewGuid(), RoleId = rotating.Id, UserId = user.Id, StartsAt = now.AddDays(-1), EndsAt = now.AddDays(29) });
        return await db.SaveChangesAsync();
    });
}
