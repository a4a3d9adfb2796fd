using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Alerts.Cap;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Alerts;

/// <summary>How the network's alerting performs, real incidents and drills apart, and whether alerts are going out now.</summary>
public sealed class MetricsModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, AlertMetrics metrics, AlertHeartbeat heartbeat,
    AlertPresence presence, TimeProvider clock) : AlertPageModel(db, users, networks)
{
    public const int Days = 90;
    public AlertFigures Real { get; private set; } = null!;
    public AlertFigures Drills { get; private set; } = null!;
    public PipelineStatus Pipeline { get; private set; } = null!;
    public int LivePagesOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAlertsAsync();
        if (denied is not null) return denied;
        if (!IsDispatcher) return NotFound();
        var since = clock.GetUtcNow().AddDays(-Days);
        Real = await metrics.FiguresAsync(Group.Id, CapStatus.Actual, since);
        Drills = await metrics.FiguresAsync(Group.Id, CapStatus.Exercise, since);
        Pipeline = await heartbeat.CheckAsync(Db);
        LivePagesOpen = presence.CountIn(Group.Id);
        return Page();
    }

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalMinutes: < 1 } s => $"{s.TotalSeconds:0} s",
        { TotalHours: < 1 } s => $"{s.TotalMinutes:0.#} min",
        var s => $"{s.Value.TotalHours:0.#} h",
    };
}
