using Microsoft.Playwright;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Browser;

/// <summary>A newcomer sets up the instance, creates a group and invites someone who joins, in a real browser on a phone-sized screen.</summary>
public sealed class SetupAndJoiningTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    PlenumServer _server = null!;
    public async Task InitializeAsync() => _server = await PlenumServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task First_admin_creates_a_group_and_an_invited_person_joins()
    {
        var foreign = new List<string>();
        var admin = await browser.NewPhoneAsync(_server, foreign);
        await admin.GotoAsync(new Uri(_server.BaseAddress, _server.FirstAdminInvitePath).ToString());
        await admin.GetByLabel("Pseudonym").FillAsync("Founder");
        await admin.GetByLabel("Password").FillAsync("a long enough password");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create my account and join" }).ClickAsync();
        await admin.WaitForURLAsync("**/groups/new");

        await admin.GetByLabel("Name").FillAsync("Block party crew");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await admin.WaitForURLAsync("**/groups/block-party-crew");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Invite people" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Make an invite link" }).ClickAsync();
        var link = (await admin.Locator("#new-link").TextContentAsync())!.Trim();

        var invited = await browser.NewPhoneAsync(_server, foreign);
        await invited.GotoAsync(link);
        await invited.GetByLabel("Pseudonym").FillAsync("Neighbour");
        await invited.GetByLabel("Password").FillAsync("another long password");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Create my account and join" }).ClickAsync();
        await invited.WaitForURLAsync("**/groups/block-party-crew");
        Assert.Contains("Welcome to Block party crew", await invited.Locator("main").TextContentAsync());

        await invited.GetByRole(AriaRole.Link, new() { Name = "Members (2)" }).ClickAsync();
        var members = await invited.Locator("table").TextContentAsync();
        Assert.Contains("Founder", members);
        Assert.Contains("Neighbour", members);
        Assert.Empty(foreign);
    }
}
