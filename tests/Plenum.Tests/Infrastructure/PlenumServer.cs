using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Infrastructure;
using Plenum.Privacy;

namespace Plenum.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, with its own data folder and database,
/// started as `plenum serve` starts it (migrations, first-admin invite). Tests talk to it over HTTP.
/// </summary>
public sealed class PlenumServer : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required Uri BaseAddress { get; init; }
    public required PlenumOptions Options { get; init; }
    public required string FirstAdminInvitePath { get; init; }
    public required TestClock Clock { get; init; }
    public const int TestPasswordHashIterations = 1_000;
    public required CapturedLogs Logs { get; init; }

    /// <param name="configure">Changes to the instance settings before it starts (e.g. a real SMTP server instead of the pickup folder).</param>
    /// <param name="customize">Changes to the host after the test defaults (e.g. more logging).</param>
    /// <param name="services">Changes to the app's services (e.g. trusting a local push service's certificate).</param>
    public static async Task<PlenumServer> StartAsync(Action<PlenumOptions>? configure = null, Action<WebApplicationBuilder>? customize = null,
        Action<IServiceCollection>? services = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "plenum-tests", Guid.NewGuid().ToString("N"), "data");
        var options = await TestDatabase.CreateAsync(dataDir);
        configure?.Invoke(options);
        var clock = new TestClock();
        var logs = new CapturedLogs();
        var app = PlenumApp.Build(options, ["http://127.0.0.1:0"], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            // Each hash costs 210,000 PBKDF2 rounds in the product; thousands of test sign-ups and logins would spend
            // minutes of CI's two cores on them. Hashes carry their own count, so everything else runs as in production.
            builder.Services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = TestPasswordHashIterations);
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            customize?.Invoke(builder);
            services?.Invoke(builder.Services);
        });
        string invite;
        using (var scope = app.Services.CreateScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlenumDb>());
            invite = await FirstAdminInvite.CreateIfNoAccountsAsync(scope.ServiceProvider)
                ?? throw new InvalidOperationException("A fresh instance must offer a first-admin invite.");
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PlenumServer { App = app, BaseAddress = new Uri(address), Options = options, FirstAdminInvitePath = invite, Clock = clock, Logs = logs };
    }

    public WebSession NewSession() => new(BaseAddress);

    /// <summary>A fresh account, registered through a one-use invite link and signed in.</summary>
    public async Task<WebSession> NewMemberAsync(string pseudonym, string password = "correct horse battery")
    {
        using var scope = App.Services.CreateScope();
        var invite = await scope.ServiceProvider.GetRequiredService<InviteLinks>().CreateAsync(null, null, TimeSpan.FromDays(1), 1);
        var session = NewSession();
        await session.RegisterAsync(invite.Path, pseudonym, password);
        return session;
    }

    /// <summary>
    /// An open assembly its founder made through the pages, with <paramref name="members"/> people who joined
    /// on its page ("{name}-founder", "{name}-member-0", …), under <paramref name="template"/>'s rulebook if given.
    /// </summary>
    public async Task<(string Slug, WebSession Founder, WebSession[] Members)> NewAssemblyAsync(string name, int members, string? template = null)
    {
        var founder = await NewMemberAsync($"{name}-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null,
            new Dictionary<string, string> { ["Form.Name"] = name, ["Form.Kind"] = "Assembly", ["Form.JoinPolicy"] = "Open" });
        var slug = created.Path.Split('/')[2];
        var sessions = new WebSession[members];
        for (var i = 0; i < members; i++)
        {
            sessions[i] = await NewMemberAsync($"{name}-member-{i}");
            await sessions[i].SubmitAsync(await sessions[i].GetAsync($"/groups/{slug}"), "form[action*='Join']");
        }
        if (template is not null)
        {
            var adopted = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']",
                new Dictionary<string, string> { ["template"] = template });
            Assert.Contains("The group has a rulebook", adopted.Text);
        }
        return (slug, founder, sessions);
    }

    /// <summary>Messages the app "sent" (written to the pickup folder), newest last.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MailTo(string address)
    {
        var folder = Options.Mail.PickupDirectory!;
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.eml").Select(f => (File: f, Message: MimeKit.MimeMessage.Load(f)))
            .Where(m => m.Message.To.Mailboxes.Any(b => b.Address == address))
            .OrderBy(m => File.GetLastWriteTimeUtc(m.File)).Select(m => m.Message).ToList();
    }

    public async Task<T> WithDbAsync<T>(Func<PlenumDb, Task<T>> action)
    {
        using var scope = App.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<PlenumDb>());
    }

    /// <summary>An HTTP client for /api/v1 that signs in with a fresh personal access token of the named account.</summary>
    public async Task<HttpClient> ApiClientAsync(string pseudonym)
    {
        var secret = AccessTokenAuthentication.NewSecret();
        await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
            db.AccessTokens.Add(new AccessToken
            {
                Id = Guid.NewGuid(), UserId = user.Id, Name = "test", SecretHash = AccessTokenAuthentication.HashSecret(secret), Hint = secret[..12], CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public Task RunHousekeepingAsync() => App.Services.GetRequiredService<HousekeepingService>().RunOnceAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await TestDatabase.DropAsync(Options);
    }
}
