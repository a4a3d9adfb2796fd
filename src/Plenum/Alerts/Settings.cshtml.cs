using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>Coordinators start a rapid response network and set its rules, zones, gateway and who holds which duty.</summary>
public sealed class SettingsModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, AlertRoster roster) : AlertPageModel(db, users, networks)
{
    public sealed record MemberLine(Guid UserId, string Name, AlertDuty Duties);

    public IReadOnlyList<AlertZone> Zones { get; private set; } = [];
    public IReadOnlyList<MemberLine> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadSettingsAsync() ?? Page();

    public Task<IActionResult> OnPostStartAsync(string? zones) => Act(async () =>
    {
        if (Network is not null) throw new AlertRuleException("This group already runs an alert network.");
        await roster.StartAsync(Group.Id, (zones ?? "").Split('\n'));
    }, "The network is started. Now give people their duties.");

    public Task<IActionResult> OnPostRulesAsync(int verificationsNeeded, bool publicReports, int reporterContactHours, int incidentRetentionDays,
        int checkInMinutes, int fallbackSeconds, int widenAfterSeconds, string? skills) => Act(() => roster.UpdateRulesAsync(Started(), verificationsNeeded,
        publicReports, reporterContactHours, incidentRetentionDays, checkInMinutes, fallbackSeconds, widenAfterSeconds, skills), "The rules are saved.");

    public Task<IActionResult> OnPostWebhookAsync(string? webhookUrl, string? webhookSecret) =>
        Act(() => roster.SetWebhookAsync(Started(), webhookUrl, webhookSecret), "The gateway setting is saved.");

    public Task<IActionResult> OnPostAddZoneAsync(string? name) => Act(() => roster.AddZoneAsync(Started().GroupId, name ?? ""), "The zone is added.");

    public Task<IActionResult> OnPostDutiesAsync(Guid member, AlertDuty[]? duties) =>
        Act(() => roster.SetDutiesAsync(Started().GroupId, member, (duties ?? []).Aggregate(AlertDuty.None, (all, d) => all | d)), "The duties are saved.");

    AlertNetwork Started() => Network ?? throw new AlertRuleException("Start the network first.");

    Task<IActionResult> Act(Func<Task> action, string notice) =>
        ActAsync(action, async () => await LoadSettingsAsync() ?? Page(), $"{AlertsPath}/settings", notice);

    protected override Task<IActionResult?> LoadForActionAsync() => LoadSettingsAsync();

    async Task<IActionResult?> LoadSettingsAsync()
    {
        var denied = await LoadAlertsAsync(needsNetwork: false);
        if (denied is not null) return denied;
        if (!IsCoordinator) return Forbid();
        if (Network is null) return null;
        Zones = await Networks.ZonesAsync(Group.Id);
        var duties = await Db.Responders.Where(r => r.GroupId == Group.Id).ToDictionaryAsync(r => r.UserId, r => r.Duties);
        Members = (await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId != null).Select(m => new { Id = m.UserId!.Value, m.User!.UserName })
                .OrderBy(m => m.UserName).Take(2000).ToListAsync())
            .Select(m => new MemberLine(m.Id, m.UserName ?? "", duties.GetValueOrDefault(m.Id))).ToList();
        return null;
    }
}
