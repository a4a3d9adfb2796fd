using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Accounts;

public sealed class SessionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;

    [Fact]
    public async Task Deleting_session_rows_signs_every_browser_out_at_once()
    {
        using var scope = Server.App.Services.CreateScope();
        var invite = await scope.ServiceProvider.GetRequiredService<Plenum.Groups.InviteLinks>().CreateAsync(null, null, TimeSpan.FromDays(1), 1);
        using var phone = Server.NewSession();
        await phone.RegisterAsync(invite.Path, "two-browsers");
        using var laptop = Server.NewSession();
        var home = await laptop.LoginAsync("two-browsers");
        Assert.Contains("My groups", home.Text);
        var userId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "two-browsers").Select(u => u.Id).SingleAsync());
        Assert.Equal(2, await Server.WithDbAsync(db => db.Sessions.CountAsync(s => s.UserId == userId)));

        await Server.WithDbAsync(db => db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync());

        Assert.Equal("/accounts/login", (await phone.GetAsync("/groups/new")).Path);
        Assert.Equal("/accounts/login", (await laptop.GetAsync("/groups/new")).Path);
    }

    [Fact]
    public async Task Logging_out_removes_only_that_browsers_session()
    {
        using var scope = Server.App.Services.CreateScope();
        var invite = await scope.ServiceProvider.GetRequiredService<Plenum.Groups.InviteLinks>().CreateAsync(null, null, TimeSpan.FromDays(1), 1);
        using var first = Server.NewSession();
        await first.RegisterAsync(invite.Path, "logout-one");
        using var second = Server.NewSession();
        await second.LoginAsync("logout-one");
        await first.SubmitAsync(await first.GetAsync("/accounts/logout"), null);
        Assert.Equal("/accounts/login", (await first.GetAsync("/groups/new")).Path);
        Assert.Equal("/groups/new", (await second.GetAsync("/groups/new")).Path);
    }

    [Fact]
    public async Task Wrong_password_is_refused_plainly_and_repeated_failures_lock_the_account()
    {
        using var scope = Server.App.Services.CreateScope();
        var invite = await scope.ServiceProvider.GetRequiredService<Plenum.Groups.InviteLinks>().CreateAsync(null, null, TimeSpan.FromDays(1), 1);
        using var owner = Server.NewSession();
        await owner.RegisterAsync(invite.Path, "lock-me");
        using var attacker = Server.NewSession();
        var first = await attacker.LoginAsync("lock-me", "not the password");
        Assert.Contains("do not match", first.Text);
        for (var i = 0; i < 4; i++) await attacker.LoginAsync("lock-me", "not the password");
        var locked = await attacker.LoginAsync("lock-me");
        Assert.Contains("locked", locked.Text);
    }
}
