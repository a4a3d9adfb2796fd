namespace Plenum.Tests.Infrastructure;

/// <summary>
/// One server per test class, with its first administrator already signed in through the
/// first-admin invite. Tests in a class share it and must use their own groups and pseudonyms.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string AdminPseudonym = "first-admin";
    public PlenumServer Server { get; private set; } = null!;
    public WebSession Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PlenumServer.StartAsync();
        Admin = Server.NewSession();
        var welcome = await Admin.RegisterAsync(Server.FirstAdminInvitePath, AdminPseudonym);
        if (welcome.Path != "/groups/new") throw new InvalidOperationException($"First-admin setup failed:\n{welcome.Text}");
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }
}
