using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plenum.Accounts;
using Plenum.Alerts;
using Plenum.Data;

namespace Plenum.Seed;

/// <summary>
/// For bench/alert-fanout.sh: a network (two verifications needed, its gateway on a free port of 127.0.0.1)
/// with one zone and RESPONDERS responders on call there now, half reached on the live page and half through
/// the gateway; two verifiers with API tokens; one reported incident taken by phone, waiting for them.
/// Writes verifiers.txt (their tokens), live.tsv (each live responder's sign-in cookie), gateway-secret.txt and
/// gateway-people.txt (how many the gateway reaches);
/// returns "slug group incident gatewayUrl".
/// </summary>
static class AlertSeed
{
    public static async Task<string> RunAsync(IServiceProvider services, string dataDir, int responders)
    {
        var db = services.GetRequiredService<PlenumDb>();
        // member-0 is the coordinator (who verifies as of right), member-1 a verifier, the rest responders.
        var (group, members, tokens) = await SeedMembers.AssemblyAsync(db, "alerts", responders + 2, withTokens: 2);
        var now = DateTimeOffset.UtcNow;
        var gateway = $"http://127.0.0.1:{FreePort()}/gateway";
        var secret = AccessTokenAuthentication.NewSecret();
        var network = new AlertNetwork { GroupId = group.Id, VerificationsNeeded = 2, WebhookUrl = gateway, WebhookSecret = secret, CreatedAt = now };
        var zone = new AlertZone { Id = Guid.NewGuid(), GroupId = group.Id, Name = "North" };
        db.AlertNetworks.Add(network);
        db.AlertZones.Add(zone);
        db.Responders.Add(new Responder { GroupId = group.Id, UserId = members[1].UserId!.Value, Duties = AlertDuty.Verifier, JoinedAt = now });
        var live = new List<Guid>();
        for (var i = 2; i < members.Count; i++)
        {
            var userId = members[i].UserId!.Value;
            var onLivePage = i % 2 == 0;
            if (onLivePage) live.Add(userId);
            db.Responders.Add(new Responder
            {
                GroupId = group.Id, UserId = userId, Duties = AlertDuty.Responder, JoinedAt = now,
                Channels = onLivePage ? "Live" : "Webhook", GatewayAddress = onLivePage ? null : $"+4930{i:D8}",
            });
            db.Shifts.Add(new Shift { Id = Guid.NewGuid(), GroupId = group.Id, UserId = userId, ZoneId = zone.Id, StartsAt = now.AddHours(-1), EndsAt = now.AddDays(1) });
        }
        await db.SaveChangesAsync();

        var cookies = new List<string>();
        foreach (var userId in live) cookies.Add($"{userId}\t{await SeedMembers.SignInCookieAsync(services, userId, now)}");
        await db.SaveChangesAsync();

        // Through the desk, as a dispatcher's phone form takes it: the report goes to the verifiers only.
        var report = new ReportDraft(zone.Id, "Eviction under way, bailiffs and police at the door", "Corner of Main Street and 5th", now, 20, "Legal observers", null);
        var taken = await services.GetRequiredService<AlertDesk>().ReportAsync(network, report, ReportSource.Phone, members[0].UserId, keepFollowLink: false);

        await File.WriteAllLinesAsync(Path.Combine(dataDir, "verifiers.txt"), tokens);
        await File.WriteAllLinesAsync(Path.Combine(dataDir, "live.tsv"), cookies);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "gateway-secret.txt"), secret);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "gateway-people.txt"), (responders - live.Count).ToString());
        return $"{group.Slug} {group.Id} {taken.Incident.Id} {gateway}";
    }

    /// <summary>A port nothing listens on now, for the load client's gateway.</summary>
    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>After a run: the incident's deliveries by message, state and channel.</summary>
    public static async Task<string> DeliveriesAsync(PlenumDb db, Guid incidentId)
    {
        var counts = await db.AlertDeliveries.Where(d => d.IncidentId == incidentId)
                .Join(db.AlertMessages, d => d.MessageId, m => m.Id, (d, m) => new { m.Sequence, m.Tier, d.State, d.Channel })
                .GroupBy(d => new { d.Sequence, d.Tier, d.State, d.Channel })
                .Select(g => new { g.Key.Sequence, g.Key.Tier, g.Key.State, g.Key.Channel, Count = g.Count() }).ToListAsync();
        return string.Join(Environment.NewLine, counts.OrderBy(c => c.Sequence).ThenBy(c => c.State)
            .Select(c => $"message {c.Sequence} ({c.Tier}): {c.State} {c.Channel?.ToString() ?? "-"} {c.Count}"));
    }
}
