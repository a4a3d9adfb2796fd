using Microsoft.Playwright;
using OtpNet;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>Account and membership journeys in a real browser: vouching, two-factor, log out everywhere, deletion.</summary>
public sealed class AccountJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task An_applicant_becomes_a_member_once_enough_members_vouch()
    {
        using (var founder = await Server.NewMemberAsync("vouch-founder"))
        {
            await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, new Dictionary<string, string>
            {
                ["Form.Name"] = "Tenants of Elm Street", ["Form.Kind"] = "Assembly", ["Form.JoinPolicy"] = "ByRequest", ["Form.VouchesRequired"] = "2",
            });
            var invite = await founder.SubmitAsync(await founder.GetAsync("/groups/tenants-of-elm-street/invite"), null);
            using var second = Server.NewSession();
            await second.RegisterAsync(invite.Document.QuerySelector("#new-link")!.TextContent.Trim().Replace(Server.BaseAddress.ToString().TrimEnd('/'), ""), "vouch-second", Password);
        }
        (await Server.NewMemberAsync("applicant", Password)).Dispose();

        var applicant = await LoggedInPhoneAsync("applicant");
        await applicant.GotoAsync(Url("/groups/tenants-of-elm-street"));
        await applicant.GetByLabel("A word to the group").FillAsync("I live at number 12, Ana knows me.");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("once 2 member(s) vouch for you");

        foreach (var (voucher, expected) in new[] { ("vouch-founder", "1 of 2 vouches"), ("vouch-second", "Welcome") })
        {
            var member = await LoggedInPhoneAsync(voucher);
            await member.GotoAsync(Url("/groups/tenants-of-elm-street"));
            await Assertions.Expect(member.Locator("main")).ToContainTextAsync("I live at number 12");
            await member.GetByRole(AriaRole.Button, new() { Name = "I vouch for applicant" }).ClickAsync();
            await Assertions.Expect(member.Locator("main")).ToContainTextAsync("Thank you for vouching");
        }
        await applicant.ReloadAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "Members (3)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Two_factor_enrolment_then_login_with_a_code_and_with_a_recovery_code()
    {
        (await Server.NewMemberAsync("careful", Password)).Dispose();
        var page = await LoggedInPhoneAsync("careful");
        await page.GotoAsync(Url("/accounts"));
        await BrowserFixture.ScreenshotAsync(page, "account-overview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor login" }).ClickAsync();
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-setup");
        var key = (await page.Locator("[data-testid=totp-key]").TextContentAsync())!.Replace(" ", "").ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));

        await page.GetByLabel("Code from the app").FillAsync("000000" == totp.ComputeTotp() ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("That code is not right");

        await page.GetByLabel("Code from the app").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Two-factor login is on");
        var recoveryCodes = await page.Locator("ul.recovery-codes code").AllTextContentsAsync();
        Assert.Equal(10, recoveryCodes.Count);
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-codes");

        var phone = await NewPhoneAsync();
        await phone.GotoAsync(Url("/accounts/login"));
        await phone.GetByLabel("Pseudonym").FillAsync("careful");
        await phone.GetByLabel("Password").FillAsync(Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await phone.WaitForURLAsync("**/accounts/login-2fa**");
        await phone.GetByLabel("Code from your authenticator app").FillAsync(totp.ComputeTotp());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await phone.WaitForURLAsync(Url("/"));

        var lostPhone = await NewPhoneAsync();
        await lostPhone.GotoAsync(Url("/accounts/login"));
        await lostPhone.GetByLabel("Pseudonym").FillAsync("careful");
        await lostPhone.GetByLabel("Password").FillAsync(Password);
        await lostPhone.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await lostPhone.WaitForURLAsync("**/accounts/login-2fa**");
        await lostPhone.GetByLabel("Or a recovery code").FillAsync(recoveryCodes[0]);
        await lostPhone.GetByRole(AriaRole.Button, new() { Name = "Use recovery code" }).ClickAsync();
        await lostPhone.WaitForURLAsync(Url("/"));
        await lostPhone.GotoAsync(Url("/accounts/two-factor"));
        await Assertions.Expect(lostPhone.Locator("main")).ToContainTextAsync("You have 9 unused recovery codes");
    }

    [Fact]
    public async Task Log_out_everywhere_ends_every_session_at_once()
    {
        (await Server.NewMemberAsync("seized-phone", Password)).Dispose();
        var phone = await LoggedInPhoneAsync("seized-phone");
        var laptop = await LoggedInPhoneAsync("seized-phone");
        await laptop.GotoAsync(Url("/accounts/sessions"));
        await laptop.GetByLabel("Label").First.FillAsync("my laptop");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Save label" }).First.ClickAsync();
        await Assertions.Expect(laptop.Locator("main")).ToContainTextAsync("my laptop");
        await BrowserFixture.ScreenshotAsync(laptop, "account-sessions");

        await laptop.GetByRole(AriaRole.Button, new() { Name = "Log out everywhere", Exact = true }).ClickAsync();
        await laptop.WaitForURLAsync("**/accounts/login**");
        await Assertions.Expect(laptop.Locator("main")).ToContainTextAsync("You are logged out everywhere");
        await phone.GotoAsync(Url("/accounts"));
        await phone.WaitForURLAsync("**/accounts/login**");
    }

    [Fact]
    public async Task Deleting_an_account_removes_it_and_leaves_a_former_member_in_group_history()
    {
        using (var founder = await Server.NewMemberAsync("stays-founder"))
        {
            await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, new Dictionary<string, string>
            {
                ["Form.Name"] = "Open kitchen", ["Form.Kind"] = "Assembly", ["Form.JoinPolicy"] = "Open",
            });
        }
        (await Server.NewMemberAsync("moving-away", Password)).Dispose();
        var page = await LoggedInPhoneAsync("moving-away");
        await page.GotoAsync(Url("/groups/open-kitchen"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Members (2)" })).ToBeVisibleAsync();

        await page.GotoAsync(Url("/accounts"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete my account" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-delete");
        await page.GetByLabel("Your password").FillAsync(Password);
        await page.GetByLabel("I understand").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your account is deleted");

        var founderPage = await LoggedInPhoneAsync("stays-founder");
        await founderPage.GotoAsync(Url("/groups/open-kitchen/members"));
        var members = await founderPage.Locator("main").TextContentAsync();
        Assert.DoesNotContain("moving-away", members);
        Assert.Contains("former member", members);
        Assert.Contains("Members (1)", await (await founderPage.GotoAsync(Url("/groups/open-kitchen")))!.TextAsync());
    }
}
