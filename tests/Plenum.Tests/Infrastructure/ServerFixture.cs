namespace Plenum.Tests.Infrastructure;

/// <summary>
/// One server per test class, with its first administrator already signed in through the
/// first-admin invite. Tests in a class share it and must use their own groups and pseudonyms.
/// A subclass may start the server differently (other limits, more logging).
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string AdminPseudonym = "first-admin";
    public PlenumServer Server { get; private set; } = null!;
    public WebSession Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StartServerAsync();
        Admin = Server.NewSession();
        var welcome = await Admin.RegisterAsync(Server.FirstAdminInvitePath, AdminPseudonym);
        if (welcome.Path != "/groups/new") throw new InvalidOperationException($"First-admin setup failed:\n{welcome.Text}");
    }

    protected virtual Task<PlenumServer> StartServerAsync() => PlenumServer.StartAsync();

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }
}
