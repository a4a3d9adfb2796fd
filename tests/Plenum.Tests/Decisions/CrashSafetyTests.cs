using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;
using Plenum.Infrastructure;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Decisions;

/// <summary>A vote acknowledged to the voter survives the server being killed at once (kill -9), on SQLite and PostgreSQL.</summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task An_acknowledged_vote_survives_kill_9()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "plenum-crash-" + Guid.NewGuid().ToString("N"), "data");
        var options = await TestDatabase.CreateAsync(dataDir);
        var (token, slug, decisionId) = await PrepareAsync(options);

        var port = FreePort();
        var serve = StartServe(options, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http);
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            using var response = await http.PostAsJsonAsync($"/api/v1/groups/{slug}/decisions/{decisionId}/votes", new { position = "agree" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            serve.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush beyond what the commit already did
            await serve.WaitForExitAsync();
        }

        await using (var app = PlenumApp.Build(options, ["http://127.0.0.1:0"]))
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
            Assert.Equal("agree", await db.OpenVotes.Where(v => v.DecisionId == decisionId).Select(v => v.Position).SingleAsync());
        }
        await TestDatabase.DropAsync(options);
    }

    static async Task<(string Token, string Slug, Guid DecisionId)> PrepareAsync(PlenumOptions options)
    {
        await using var app = PlenumApp.Build(options, ["http://127.0.0.1:0"]);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
        await DatabaseSetup.MigrateAsync(db);
        var now = DateTimeOffset.UtcNow;
        var user = new User { Id = Guid.NewGuid(), UserName = "crash-voter", NormalizedUserName = "CRASH-VOTER", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now };
        var token = AccessTokenAuthentication.NewSecret();
        var group = new Group { Id = Guid.NewGuid(), Name = "Crash", Slug = "crash", Kind = GroupKind.Assembly, JoinPolicy = JoinPolicy.Open, CreatedAt = now };
        var membership = new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = GroupRole.Coordinator, JoinedAt = now.AddDays(-30) };
        db.AddRange(user, group, membership);
        db.AccessTokens.Add(new AccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "crash", SecretHash = AccessTokenAuthentication.HashSecret(token), Hint = token[..12], CreatedAt = now });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<Rulebooks>().AdoptFirstAsync(group, "majority-quorum");
        await db.SaveChangesAsync();
        var decision = await scope.ServiceProvider.GetRequiredService<DecisionOpening>().OpenAsync(group, membership,
            new DecisionDraft("general", "Survive a crash", "An acknowledged vote stays.", now.AddDays(2), false, null));
        return (token, group.Slug, decision.Id);
    }

    static Process StartServe(PlenumOptions options, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "plenum.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", options.DataDir })
            start.ArgumentList.Add(arg);
        if (options.Database == DatabaseKind.Postgres)
            foreach (var arg in new[] { "--database", "postgres", "--connection", options.ConnectionString! }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("plenum serve did not come up");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
