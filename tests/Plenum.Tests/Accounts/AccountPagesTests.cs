using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Accounts;

public sealed partial class AccountPagesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Changing_the_pseudonym_keeps_the_session_and_is_shown_at_once()
    {
        using var me = await Server.NewMemberAsync("old-name");
        var overview = await me.GetAsync("/accounts");
        var changed = await me.SubmitAsync(overview, "form[action*='Pseudonym']", Fields(("Pseudonym", "new-name")));
        Assert.Contains("You are now new-name", changed.Text);
        Assert.Contains("new-name", changed.Document.QuerySelector("header")!.TextContent);
        Assert.Equal(1, await Server.WithDbAsync(db => db.Sessions.CountAsync(s => s.User.UserName == "new-name")));

        var taken = await me.SubmitAsync(await me.GetAsync("/accounts"), "form[action*='Pseudonym']", Fields(("Pseudonym", ServerFixture.AdminPseudonym)));
        Assert.Contains("That pseudonym is taken", taken.Text);
        var invalid = await me.SubmitAsync(await me.GetAsync("/accounts"), "form[action*='Pseudonym']", Fields(("Pseudonym", "<x>")));
        Assert.Contains("A pseudonym has 2 to 40", invalid.Text);
    }

    [Fact]
    public async Task Changing_the_password_logs_out_the_other_sessions_only()
    {
        using var here = await Server.NewMemberAsync("pw-changer");
        using var elsewhere = Server.NewSession();
        await elsewhere.LoginAsync("pw-changer");

        var wrong = await here.SubmitAsync(await here.GetAsync("/accounts"), "form[action*='Password']",
            Fields(("CurrentPassword", "not it at all"), ("NewPassword", "a brand new passphrase")));
        Assert.Contains("That is not your current password", wrong.Text);
        var done = await here.SubmitAsync(await here.GetAsync("/accounts"), "form[action*='Password']",
            Fields(("CurrentPassword", "correct horse battery"), ("NewPassword", "a brand new passphrase")));
        Assert.Contains("1 other session(s) were logged out", done.Text);

        Assert.Equal("/accounts", (await here.GetAsync("/accounts")).Path);
        Assert.Equal("/accounts/login", (await elsewhere.GetAsync("/accounts")).Path);
        Assert.Contains("My groups", (await Server.NewSession().LoginAsync("pw-changer", "a brand new passphrase")).Text);
    }

    [Fact]
    public async Task An_email_address_is_used_only_after_its_link_is_confirmed_and_then_resets_a_password()
    {
        using var me = await Server.NewMemberAsync("mail-user");
        var address = "mail-user@example.org";
        var sent = await me.SubmitAsync(await me.GetAsync("/accounts"), "form[action*='Email']", Fields(("Email", address)));
        Assert.Contains("We sent a link", sent.Text);
        Assert.Null(await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "mail-user").Select(u => u.Email).SingleAsync()));

        var confirmLink = LinkIn(Server.MailTo(address).Single().TextBody, "/accounts/confirm-email");
        using var otherBrowser = Server.NewSession();
        var confirmPage = await otherBrowser.GetAsync(confirmLink);
        var confirmed = await otherBrowser.SubmitAsync(confirmPage, null);
        Assert.Contains("Your e-mail address is confirmed", confirmed.Text);
        Assert.Contains(address, (await me.GetAsync("/accounts")).Text);

        using var forgetful = Server.NewSession();
        var unknown = await forgetful.SubmitAsync(await forgetful.GetAsync("/accounts/forgot-password"), null, Fields(("PseudonymOrEmail", "nobody-at-all")));
        var known = await forgetful.SubmitAsync(await forgetful.GetAsync("/accounts/forgot-password"), null, Fields(("PseudonymOrEmail", address)));
        Assert.Equal(unknown.Document.QuerySelector("main")!.TextContent, known.Document.QuerySelector("main")!.TextContent);

        var resetLink = LinkIn(Server.MailTo(address).Last().TextBody, "/accounts/reset-password");
        var reset = await forgetful.SubmitAsync(await forgetful.GetAsync(resetLink), null, Fields(("NewPassword", "remembered at last")));
        Assert.Contains("every session was logged out", reset.Text);
        Assert.Equal("/accounts/login", (await me.GetAsync("/accounts")).Path);
        Assert.Contains("My groups", (await forgetful.LoginAsync("mail-user", "remembered at last")).Text);

        var reused = await forgetful.SubmitAsync(await forgetful.GetAsync(resetLink), null, Fields(("NewPassword", "another new one here")));
        Assert.Contains("This link was used already", reused.Text);
        var forged = await forgetful.GetAsync("/accounts/reset-password?code=forged");
        Assert.Contains("This link is not valid any more", forged.Text);
    }

    [Fact]
    public async Task Tokens_are_shown_once_work_for_the_api_and_stop_working_when_revoked()
    {
        using var me = await Server.NewMemberAsync("token-maker");
        var empty = await me.SubmitAsync(await me.GetAsync("/accounts/tokens"), null, Fields(("Name", " ")));
        Assert.Contains("Give the token a name", empty.Text);
        var created = await me.SubmitAsync(await me.GetAsync("/accounts/tokens"), null, Fields(("Name", "phone widget")));
        var secret = created.Document.QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
        Assert.StartsWith("plenum_", secret);
        Assert.DoesNotContain(secret, (await me.GetAsync("/accounts/tokens")).Html);

        using var api = new HttpClient { BaseAddress = Server.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/groups")).StatusCode);

        var list = await me.GetAsync("/accounts/tokens");
        Assert.Contains("phone widget", list.Text);
        await me.SubmitAsync(list, "form[action*='Revoke']");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/groups")).StatusCode);
        Assert.DoesNotContain("phone widget", (await me.GetAsync("/accounts/tokens")).Text);
    }

    [Fact]
    public async Task Sessions_can_be_labelled_and_logged_out_one_by_one_or_everywhere()
    {
        using var phone = await Server.NewMemberAsync("many-browsers");
        using var laptop = Server.NewSession();
        await laptop.LoginAsync("many-browsers");
        using var library = Server.NewSession();
        await library.LoginAsync("many-browsers");

        var page = await laptop.GetAsync("/accounts/sessions");
        Assert.Equal(3, page.Document.QuerySelectorAll("ul.cards li").Length);
        var labelled = await laptop.SubmitAsync(page, "form[action*='Label']", Fields(("label", "my laptop")));
        Assert.Contains("my laptop", labelled.Text);

        var others = await laptop.SubmitAsync(await laptop.GetAsync("/accounts/sessions"), "form[action*='RevokeOthers']");
        Assert.Contains("Logged out 2 other session(s)", others.Text);
        Assert.Equal("/accounts/login", (await phone.GetAsync("/accounts")).Path);
        Assert.Equal("/accounts/login", (await library.GetAsync("/accounts")).Path);
        Assert.Equal("/accounts/sessions", (await laptop.GetAsync("/accounts/sessions")).Path);

        await phone.LoginAsync("many-browsers");
        var everywhere = await laptop.SubmitAsync(await laptop.GetAsync("/accounts/sessions"), "form[action*='RevokeAll']");
        Assert.Equal("/accounts/login", everywhere.Path);
        Assert.Equal("/accounts/login", (await phone.GetAsync("/accounts")).Path);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Sessions.CountAsync(s => s.User.UserName == "many-browsers")));
    }

    [Fact]
    public async Task Deleting_an_account_is_refused_for_a_sole_coordinator_until_they_hand_over()
    {
        using var founder = await Server.NewMemberAsync("leaving-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, Fields(("Form.Name", "Handover test"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        using var member = await Server.NewMemberAsync("staying-member");
        await member.SubmitAsync(await member.GetAsync($"/groups/{slug}"), "form[action*='Join']");

        var refused = await founder.GetAsync("/accounts/delete");
        Assert.Contains("You are the only coordinator", refused.Text);
        Assert.Null(refused.Document.QuerySelector("main form"));

        var members = await founder.GetAsync($"/groups/{slug}/members");
        var memberId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "staying-member").Select(u => u.Id).SingleAsync());
        await founder.SubmitAsync(members, $"form[action*='{memberId}'][action*='Role']");

        var form = await founder.GetAsync("/accounts/delete");
        var unconfirmed = await founder.SubmitAsync(form, null, Fields(("Password", "correct horse battery")));
        Assert.Contains("Tick the box", unconfirmed.Text);
        var deleted = await founder.SubmitAsync(form, null, Fields(("Password", "correct horse battery"), ("Understood", "true")));
        Assert.Contains("Your account is deleted", deleted.Text);

        var log = await member.GetAsync($"/groups/{slug}/members");
        Assert.DoesNotContain("leaving-founder", log.Text);
        Assert.Contains("former member", log.Text);
        Assert.Contains("do not match", (await Server.NewSession().LoginAsync("leaving-founder")).Text);
    }

    static string LinkIn(string? body, string path) =>
        new Uri(LinkPattern().Matches(body ?? "").Select(m => m.Value).Single(v => v.Contains(path))).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
