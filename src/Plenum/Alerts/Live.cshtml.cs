using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Alerts.Channels;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// A member's live alert page: their open alerts with the answer buttons, which work without JavaScript.
/// With it, the page listens on the alert hub, shows new alerts at the top at once, confirms each, and can sound an alarm.
/// </summary>
public sealed class LiveModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, ResponderActs acts) : AlertPageModel(db, users, networks)
{
    public sealed record OpenAlert(Incident Incident, AlertRecipient Recipient, AlertMessage? Latest, string Zone)
    {
        public bool Exercise => Incident.Mode != Cap.CapStatus.Actual;
        public string Kind => Latest is null ? "Alert" : AlertWording.Kind(Latest);
    }

    public IReadOnlyList<OpenAlert> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAlertsAsync() ?? await ShowAsync();

    public Task<IActionResult> OnPostAsync(Guid incident, ResponderAct? act) =>
        ActAsync(async () =>
        {
            if (!await Db.Incidents.AnyAsync(i => i.Id == incident && i.GroupId == Group.Id)) throw new AlertRuleException("There is no such alert in this network.");
            TempData["Notice"] = await acts.DoAsync(incident, Me!.Id, act, AlertChannel.Live);
        }, ShowAsync, AlertLinks.LivePath(Slug));

    async Task<IActionResult> ShowAsync()
    {
        var mine = await Db.AlertRecipients.AsNoTracking()
            .Where(r => r.UserId == Me!.Id && Db.Incidents.Any(i => i.Id == r.IncidentId && i.GroupId == Group.Id
                && (i.State == IncidentState.Reported || i.State == IncidentState.Alerted || (r.OnSiteAt != null && r.LeftAt == null))))
            .ToListAsync();
        var ids = mine.Select(r => r.IncidentId).ToList();
        var incidents = await Db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        var zones = (await Networks.ZonesAsync(Group.Id)).ToDictionary(z => z.Id, z => z.Name);
        // The newest message about each incident that was sent to this person.
        var messages = (await Db.AlertMessages.AsNoTracking()
            .Where(m => ids.Contains(m.IncidentId) && Db.AlertDeliveries.Any(d => d.MessageId == m.Id && d.UserId == Me!.Id))
            .ToListAsync()).GroupBy(m => m.IncidentId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Sequence));
        Alerts = mine.Select(r => new OpenAlert(incidents[r.IncidentId], r, messages.GetValueOrDefault(r.IncidentId), zones.GetValueOrDefault(incidents[r.IncidentId].ZoneId, "")))
            .OrderByDescending(a => a.Latest?.SentAt ?? a.Incident.CreatedAt).ToList();
        return Page();
    }
}
