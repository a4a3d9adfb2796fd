using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Privacy;

public sealed partial class PrivacyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;

    [Fact]
    public async Task Sensitive_fields_are_not_in_the_database_in_clear()
    {
        const string email = "rosa.sensitive@example.org", message = "I live at 12 Hidden Lane";
        using var scope = Server.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Plenum.Accounts.User>>();
        var admin = await users.FindByNameAsync(ServerFixture.AdminPseudonym);
        await users.SetEmailAsync(admin!, email);
        await users.ResetAuthenticatorKeyAsync(admin!);
        var authenticatorKey = await users.GetAuthenticatorKeyAsync(admin!);
        var db = scope.ServiceProvider.GetRequiredService<Plenum.Data.PlenumDb>();
        var group = new Plenum.Groups.Group { Name = "Privacy check", Slug = "privacy-check", Kind = Plenum.Groups.GroupKind.Assembly, JoinPolicy = Plenum.Groups.JoinPolicy.ByRequest };
        await scope.ServiceProvider.GetRequiredService<Plenum.Groups.GroupMembership>().CreateGroupAsync(admin!, group);
        var other = new Plenum.Accounts.User { Id = Guid.NewGuid(), UserName = "applicant-privacy" };
        await users.CreateAsync(other);
        await scope.ServiceProvider.GetRequiredService<Plenum.Groups.GroupMembership>().RequestToJoinAsync(group, other, message);

        // Read back through the app: the values round-trip.
        Assert.Equal(email, (await users.FindByEmailAsync(email))?.Email);
        Assert.Equal(message, (await db.JoinRequests.AsNoTracking().SingleAsync(r => r.GroupId == group.Id)).Message);

        var raw = await RawDatabase.TextAsync(Server);
        Assert.DoesNotContain(email, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(message, raw);
        Assert.DoesNotContain(authenticatorKey!, raw);
        Assert.Contains("enc1:", raw);
    }

    [Fact]
    public async Task Logs_hold_no_ip_address_even_when_requests_fail()
    {
        using var visitor = Server.NewSession();
        visitor.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        await visitor.GetAsync("/");
        await visitor.GetAsync("/no-such-page");
        await visitor.LoginAsync("nobody-here", "wrong password 123");
        await visitor.Http.GetAsync("/api/v1/groups");
        Assert.NotEmpty(Server.Logs.Lines);
        // The server's own listening address is announced at start; that is not a client's address.
        foreach (var line in Server.Logs.Lines.Where(l => !l.Contains("Microsoft.Hosting.Lifetime")))
        {
            Assert.DoesNotMatch(IpAddress(), line);
            Assert.DoesNotContain("203.0.113.77", line);
        }
    }

    [GeneratedRegex(@"(?<![\d.])(127\.0\.0\.1|203\.0\.113\.77|::1|::ffff:)(?![\d])")]
    private static partial Regex IpAddress();

    [Fact]
    public async Task Pages_load_nothing_from_other_hosts_and_carry_strict_headers()
    {
        foreach (var path in new[] { "/", "/accounts/login", "/privacy", Server.FirstAdminInvitePath, "/groups/new" })
        {
            var page = await fixture.Admin.GetAsync(path);
            var csp = page.Response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("no-referrer", page.Response.Headers.GetValues("Referrer-Policy").Single());
            var references = page.Document.QuerySelectorAll("[src],[href],[action]")
                .SelectMany(e => new[] { e.GetAttribute("src"), e.GetAttribute("href"), e.GetAttribute("action") })
                .Where(v => v is not null).ToList();
            Assert.NotEmpty(references);
            Assert.All(references, v => Assert.False(v!.Contains("//"), $"{path} refers to another host: {v}"));
            Assert.True(page.Html.Length < 100_000, $"{path} is {page.Html.Length} bytes");
        }
        var htmx = await fixture.Admin.Http.GetAsync("/lib/htmx/htmx.min.js?v=2.0.11");
        Assert.True(htmx.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Every_form_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var page = await fixture.Admin.GetAsync("/groups/new");
        foreach (var form in page.Document.QuerySelectorAll("form[method=post]"))
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        var forged = await fixture.Admin.Http.PostAsync("/groups/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "Forged" }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await Server.WithDbAsync(db => db.Groups.AnyAsync(g => g.Name == "Forged")));
    }

    [Fact]
    public async Task Retention_deletes_idle_sessions_and_the_privacy_page_lists_every_rule()
    {
        using var person = Server.NewSession();
        await person.RegisterAsync((await NewInviteAsync()).Path, "short-lived-session");
        var userId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "short-lived-session").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await Server.WithDbAsync(db => db.Sessions.CountAsync(s => s.UserId == userId)));
        Server.Clock.Advance(TimeSpan.FromDays(31));
        await Server.RunHousekeepingAsync();
        Assert.Equal(0, await Server.WithDbAsync(db => db.Sessions.CountAsync(s => s.UserId == userId)));
        var home = await person.GetAsync("/accounts/login");
        Assert.DoesNotContain("short-lived-session", home.Text);

        var privacy = await person.GetAsync("/privacy");
        foreach (var kind in new[] { "sign-in sessions", "invite links", "join requests", "group log" })
            Assert.Contains(kind, privacy.Text);
    }

    async Task<Plenum.Groups.InviteLinks.Created> NewInviteAsync()
    {
        using var scope = Server.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Plenum.Groups.InviteLinks>().CreateAsync(null, null, TimeSpan.FromDays(90), 1);
    }
}
