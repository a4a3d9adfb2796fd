using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Alerts.Cap;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>A dispatcher takes a report on the phone: a new incident for the verifiers, or one more report of an open one.</summary>
public sealed class IntakeModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, AlertDesk desk, TimeProvider clock)
    : AlertPageModel(db, users, networks)
{
    public sealed class IntakeForm
    {
        public Guid? ZoneId { get; set; }
        public string? What { get; set; }
        public string? Where { get; set; }
        /// <summary>Minutes ago: a caller says "ten minutes ago", not a clock time in some time zone.</summary>
        public int? MinutesAgo { get; set; }
        public int? HowMany { get; set; }
        public string? Needed { get; set; }
        public string? ReplyContact { get; set; }
        public Guid? SameIncidentId { get; set; }
        public bool Exercise { get; set; }
    }

    [BindProperty] public IntakeForm Form { get; set; } = new();
    public IReadOnlyList<AlertZone> Zones { get; private set; } = [];
    public IReadOnlyList<(Incident Incident, string Zone)> OpenIncidents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadIntakeAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        Guid taken = default;
        return await ActAsync(async () =>
        {
            if (Form.MinutesAgo is < 0 or > 48 * 60) throw new AlertRuleException("\"How long ago\" must be 0 to 2880 minutes.");
            var seenAt = Form.MinutesAgo is { } minutes ? clock.GetUtcNow().AddMinutes(-minutes) : (DateTimeOffset?)null;
            var draft = new ReportDraft(Form.ZoneId ?? Guid.Empty, Form.What, Form.Where, seenAt, Form.HowMany, Form.Needed, Form.ReplyContact);
            var result = await desk.ReportAsync(Network!, draft, ReportSource.Phone, Me!.Id, Form.SameIncidentId,
                Form.Exercise ? CapStatus.Exercise : CapStatus.Actual, keepFollowLink: false);
            taken = result.Incident.Id;
        }, async () => await LoadIntakeAsync() ?? Page(), () => AlertLinks.IncidentPath(Slug, taken), Form.SameIncidentId is null ? "The report is taken and went to the verifiers." : "The report is added to the incident.");
    }

    protected override Task<IActionResult?> LoadForActionAsync() => LoadIntakeAsync();

    async Task<IActionResult?> LoadIntakeAsync()
    {
        var denied = await LoadAlertsAsync();
        if (denied is not null) return denied;
        if (!IsDispatcher) return Forbid();
        var zones = await Networks.ZonesAsync(Group.Id);
        Zones = zones;
        var since = clock.GetUtcNow() - AlertDesk.RepeatWindow;
        OpenIncidents = (await Db.Incidents.Where(i => i.GroupId == Group.Id && (i.State == IncidentState.Reported || i.State == IncidentState.Alerted) && i.CreatedAt >= since)
                .OrderByDescending(i => i.CreatedAt).ToListAsync())
            .Select(i => (i, zones.FirstOrDefault(z => z.Id == i.ZoneId)?.Name ?? "?")).ToList();
        return null;
    }
}
