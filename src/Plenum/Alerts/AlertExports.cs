using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plenum.Alerts.Cap;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// Files about an incident for people outside Plenum: CAP 1.2 XML for other alerting systems (dispatchers),
/// and the record for legal support (dispatchers and the legal role). Plus the heartbeat monitors poll.
/// </summary>
public static class AlertExports
{
    public static void MapAlertExports(this WebApplication app)
    {
        app.MapGet("/groups/{slug}/alerts/incidents/{id:guid}/cap.xml", CapAsync).ExcludeFromDescription();
        app.MapGet("/groups/{slug}/alerts/incidents/{id:guid}/export", RecordAsync).ExcludeFromDescription();
        app.MapGet("/alerts/heartbeat", HeartbeatAsync).ExcludeFromDescription();
    }

    /// <summary>The incident's alert as CAP; ?sequence=N picks a later update or cancellation.</summary>
    static async Task<IResult> CapAsync(string slug, Guid id, int? sequence, ClaimsPrincipal principal, PlenumDb db, AlertNetworks networks,
        Infrastructure.PlenumOptions options, HttpRequest request)
    {
        var (incident, duties) = await IncidentAsync(slug, id, principal, db, networks);
        if (incident is null || !duties.HasFlag(AlertDuty.Dispatcher)) return Results.NotFound();
        var messages = await db.AlertMessages.Where(m => m.IncidentId == id && m.Tier == AlertTier.Responders).ToListAsync();
        var original = messages.Where(m => m.Type == CapMsgType.Alert).MinBy(m => m.Sequence);
        var message = sequence is { } n ? messages.FirstOrDefault(m => m.Sequence == n) : messages.MaxBy(m => m.Sequence);
        if (original is null || message is null) return Results.NotFound();
        var group = await db.Groups.SingleAsync(g => g.Id == incident.GroupId);
        var zone = await db.AlertZones.Where(z => z.Id == incident.ZoneId).Select(z => z.Name).SingleAsync();
        var host = Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var own) ? own.Host : request.Host.Host;
        var cap = IncidentCap.Of(incident, message, original, group.Name, host, zone, null);
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + CapXml.Write(cap).Root;
        return Results.Text(xml, "application/cap+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The timeline, with people named by their part only, as Markdown.</summary>
    static async Task<IResult> RecordAsync(string slug, Guid id, ClaimsPrincipal principal, PlenumDb db, AlertNetworks networks, IncidentRecord record)
    {
        var (incident, duties) = await IncidentAsync(slug, id, principal, db, networks);
        if (incident is null || !(duties.HasFlag(AlertDuty.Dispatcher) || duties.HasFlag(AlertDuty.Legal))) return Results.NotFound();
        var zone = await db.AlertZones.Where(z => z.Id == incident.ZoneId).Select(z => z.Name).SingleAsync();
        var text = new StringBuilder()
            .AppendLine($"# Incident record: {incident.Headline}").AppendLine()
            .AppendLine($"- Zone: {zone}").AppendLine($"- Status: {AlertText.Label(incident.State)} ({incident.Mode})")
            .AppendLine($"- Opened: {incident.CreatedAt:yyyy-MM-dd HH:mm} UTC").AppendLine()
            .AppendLine("People are named by their part only; reporters' contacts and photos are not included.").AppendLine()
            .AppendLine("## Timeline (UTC)").AppendLine();
        foreach (var entry in await record.TimelineAsync(incident, pseudonyms: false))
            text.AppendLine($"- {entry.At:yyyy-MM-dd HH:mm:ss} — {entry.What.ReplaceLineEndings(" ")}");
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/markdown; charset=utf-8", $"incident-{incident.CreatedAt:yyyyMMdd-HHmm}.md");
    }

    static async Task<IResult> HeartbeatAsync(PlenumDb db, AlertHeartbeat heartbeat)
    {
        var status = await heartbeat.CheckAsync(db);
        return Results.Text(status.Detail, statusCode: status.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    static async Task<(Incident? Incident, AlertDuty Duties)> IncidentAsync(string slug, Guid id, ClaimsPrincipal principal, PlenumDb db, AlertNetworks networks)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return (null, AlertDuty.None);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id && db.Groups.Any(g => g.Id == i.GroupId && g.Slug == slug));
        return incident is null ? (null, AlertDuty.None) : (incident, await networks.DutiesAsync(incident.GroupId, userId));
    }
}
