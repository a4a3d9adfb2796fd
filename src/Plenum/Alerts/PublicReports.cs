using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>What a reporter without an account sees of their report: one of a few plain words, never who checks or goes.</summary>
public enum ReportProgress { Received, BeingChecked, RespondersAlerted, Closed, FalseAlarm }

/// <summary>
/// Reports from people without an account, by the public form or the API: only for a network that takes
/// them, and followed afterwards by the secret link alone.
/// </summary>
public sealed class PublicReports(PlenumDb db, AlertNetworks networks, AlertDesk desk, FieldEncryption encryption)
{
    public sealed record Intake(Group Group, AlertNetwork Network, IReadOnlyList<AlertZone> Zones);

    /// <summary>Null when the group takes no public reports (no network, turned off, archived): callers answer 404 and say nothing more.</summary>
    public async Task<Intake?> OpenAsync(string slug)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        if (group is null || group.IsArchived) return null;
        var network = await networks.SettingsAsync(group.Id);
        if (network is not { PublicReports: true }) return null;
        return new Intake(group, network, await networks.ZonesAsync(group.Id));
    }

    public Task<AlertDesk.Taken> TakeAsync(Intake intake, ReportDraft draft, ReportSource source, IReadOnlyList<CleanPhoto>? photos = null) =>
        desk.ReportAsync(intake.Network, draft, source, takenBy: null, photos: photos);

    /// <summary>The group and progress of the report behind a follow link; null for unknown or purged links.</summary>
    public async Task<(Group Group, ReportProgress Progress, DateTimeOffset ReportedAt)?> FollowAsync(string secret)
    {
        if (!secret.StartsWith("rep_", StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = ReportFollowLinks.Hash(encryption, secret);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.FollowHash == hash);
        if (report is null) return null;
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == report.IncidentId);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == report.GroupId);
        var progress = incident.State switch
        {
            IncidentState.Reported => await db.Verifications.AnyAsync(v => v.IncidentId == incident.Id) ? ReportProgress.BeingChecked : ReportProgress.Received,
            IncidentState.Alerted => ReportProgress.RespondersAlerted,
            IncidentState.Closed => ReportProgress.Closed,
            _ => ReportProgress.FalseAlarm,
        };
        return (group, progress, report.CreatedAt);
    }

    public static string Label(ReportProgress progress) => progress switch
    {
        ReportProgress.Received => "received",
        ReportProgress.BeingChecked => "being checked",
        ReportProgress.RespondersAlerted => "responders alerted",
        ReportProgress.Closed => "closed",
        _ => "false alarm",
    };

    public static string Explain(ReportProgress progress) => progress switch
    {
        ReportProgress.Received => "Your report is in. The network's verifiers have been told and will check it within minutes.",
        ReportProgress.BeingChecked => "Verifiers are checking what you reported. Responders are alerted as soon as enough of them confirm it.",
        ReportProgress.RespondersAlerted => "Your report was confirmed and the responders on call for the area were alerted.",
        ReportProgress.Closed => "This incident is over. Thank you for reporting it.",
        _ => "The verifiers found this was not happening, or not as reported, so nobody was sent. If it is happening, report it again with what you see now.",
    };
}
