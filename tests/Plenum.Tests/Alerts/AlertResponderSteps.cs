using Microsoft.EntityFrameworkCore;
using Plenum.Alerts;
using Plenum.Alerts.Cap;
using Plenum.Data;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Alerts;

/// <summary>A server whose public report pages are not rate limited in practice (every test client is 127.0.0.1); the limit is tested on its own.</summary>
public sealed class AlertResponderServerFixture : ServerFixture
{
    protected override Task<PlenumServer> StartServerAsync() => PlenumServer.StartAsync(options => options.AlertReportsPerMinute = 100_000);
}

/// <summary>Setting up a network and an alerted incident through the services, as the coordinators' and dispatchers' pages do.</summary>
public static class AlertResponderSteps
{
    public sealed record Network(string Slug, Guid GroupId, Guid North, Guid South, WebSession Founder, WebSession[] Members);

    /// <summary>An assembly running a network with zones North and South; member 0 is a verifier, the others responders.</summary>
    public static async Task<Network> NewNetworkAsync(PlenumServer server, string name, int members = 2, Action<AlertNetwork>? configure = null)
    {
        var (slug, founder, sessions) = await server.NewAssemblyAsync(name, members);
        var (groupId, north, south) = await InScopeAsync(server, async services =>
        {
            var db = services.GetRequiredService<PlenumDb>();
            var groupId = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
            var network = await services.GetRequiredService<AlertRoster>().StartAsync(groupId, ["North", "South"]);
            configure?.Invoke(network);
            await db.SaveChangesAsync();
            var roster = services.GetRequiredService<AlertRoster>();
            await roster.SetDutiesAsync(groupId, await UserIdAsync(db, $"{name}-member-0"), AlertDuty.Verifier);
            for (var i = 1; i < members; i++) await roster.SetDutiesAsync(groupId, await UserIdAsync(db, $"{name}-member-{i}"), AlertDuty.Responder);
            var zones = await db.AlertZones.Where(z => z.GroupId == groupId).ToListAsync();
            return (groupId, zones.Single(z => z.Name == "North").Id, zones.Single(z => z.Name == "South").Id);
        });
        return new Network(slug, groupId, north, south, founder, sessions);
    }

    /// <summary>A report in North confirmed by the founder and the verifier, so the responders on call there are paged. Returns the incident.</summary>
    public static Task<Incident> AlertedIncidentAsync(PlenumServer server, Network network, string name, string what = "Bailiffs at the door", CapStatus mode = CapStatus.Actual) =>
        InScopeAsync(server, async services =>
        {
            var db = services.GetRequiredService<PlenumDb>();
            var desk = services.GetRequiredService<AlertDesk>();
            var settings = await db.AlertNetworks.SingleAsync(n => n.GroupId == network.GroupId);
            var taken = await desk.ReportAsync(settings, new ReportDraft(network.North, what, "Weserstr. 5", null, 6, "Legal observers", null),
                ReportSource.Phone, await UserIdAsync(db, $"{name}-founder"), mode: mode);
            await desk.VerifyAsync(taken.Incident, await UserIdAsync(db, $"{name}-founder"), true, VerificationMethod.CalledReporter, null);
            await desk.VerifyAsync(taken.Incident, await UserIdAsync(db, $"{name}-member-0"), true, VerificationMethod.SeenOnSite, null);
            return await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == taken.Incident.Id);
        });

    /// <summary>The sealed answer link's token of the newest message about the incident to the person.</summary>
    public static Task<(string Token, Guid MessageId)> TicketAsync(PlenumServer server, Guid incidentId, string pseudonym) =>
        InScopeAsync(server, async services =>
        {
            var db = services.GetRequiredService<PlenumDb>();
            var userId = await UserIdAsync(db, pseudonym);
            var messageIds = await db.AlertDeliveries.Where(d => d.IncidentId == incidentId && d.UserId == userId).Select(d => d.MessageId).ToListAsync();
            var message = (await db.AlertMessages.Where(m => messageIds.Contains(m.Id)).ToListAsync()).MaxBy(m => m.Sequence)!;
            return (services.GetRequiredService<AlertLinks>().Seal(new AlertTicket(incidentId, userId, message.Id)), message.Id);
        });

    public static Task<Guid> UserIdAsync(PlenumServer server, string pseudonym) => server.WithDbAsync(db => UserIdAsync(db, pseudonym));

    static Task<Guid> UserIdAsync(PlenumDb db, string pseudonym) => db.Users.Where(u => u.UserName == pseudonym).Select(u => u.Id).SingleAsync();

    public static async Task<T> InScopeAsync<T>(PlenumServer server, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = server.App.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);
}
