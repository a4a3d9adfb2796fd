using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Alerts.Cap;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// The dispatch desk: for verifiers and dispatchers, reports waiting for verification, active incidents and
/// their roll-calls, who was not reached and who is on call; real incidents and drills apart. Everyone else
/// sees the alerts sent to them.
/// </summary>
public sealed class IndexModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, RollCallPaging paging, TimeProvider clock)
    : AlertPageModel(db, users, networks)
{
    public static readonly TimeSpan RecentlyClosed = TimeSpan.FromDays(2);

    public sealed record IncidentLine(Incident Incident, string Zone, int Going, int Answered, int Paged, IReadOnlyList<(RollCallNeed Need, int Filled)> Fill);
    public sealed record ModeSection(string Title, bool Drill, IReadOnlyList<IncidentLine> Unverified, IReadOnlyList<IncidentLine> Active, IReadOnlyList<IncidentLine> Closed);
    public sealed record NotReachedLine(string Pseudonym, Guid IncidentId, string Headline, int Sequence);
    public sealed record NoChannelLine(string Pseudonym, bool LiveOnly);
    public sealed record MyAlert(Guid IncidentId, string Headline, string Zone, AlertAnswer Answer, bool StandBy);

    public IReadOnlyList<ModeSection> Sections { get; private set; } = [];
    public IReadOnlyList<NotReachedLine> NotReached { get; private set; } = [];
    public IReadOnlyList<(string Zone, IReadOnlyList<(string Pseudonym, string? Role)> People)> OnCall { get; private set; } = [];
    public IReadOnlyList<NoChannelLine> NoChannel { get; private set; } = [];
    public IReadOnlyList<MyAlert> MyAlerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAlertsAsync(needsNetwork: false);
        if (denied is not null) return denied;
        if (Network is null) return Page();
        var zones = (await Networks.ZonesAsync(Group.Id)).ToDictionary(z => z.Id, z => z.Name);
        MyAlerts = await MyAlertsAsync(zones);
        if (!IsDesk) return Page();
        var since = clock.GetUtcNow() - RecentlyClosed;
        var incidents = await Db.Incidents.Where(i => i.GroupId == Group.Id && (i.State == IncidentState.Reported || i.State == IncidentState.Alerted || i.ClosedAt >= since))
            .OrderByDescending(i => i.CreatedAt).Take(300).ToListAsync();
        var lines = await LinesAsync(incidents, zones);
        Sections = [Section("Incidents", false, lines.Where(l => l.Incident.Mode == CapStatus.Actual)),
            Section("Exercises (drills)", true, lines.Where(l => l.Incident.Mode != CapStatus.Actual))];
        NotReached = await NotReachedAsync();
        OnCall = await OnCallAsync(zones);
        NoChannel = await NoChannelAsync();
        return Page();
    }

    static ModeSection Section(string title, bool drill, IEnumerable<IncidentLine> lines)
    {
        var all = lines.ToList();
        return new ModeSection(title, drill, all.Where(l => l.Incident.State == IncidentState.Reported).ToList(),
            all.Where(l => l.Incident.State == IncidentState.Alerted).ToList(), all.Where(l => !l.Incident.IsOpen).ToList());
    }

    async Task<IReadOnlyList<IncidentLine>> LinesAsync(IReadOnlyList<Incident> incidents, IReadOnlyDictionary<Guid, string> zones)
    {
        var ids = incidents.Select(i => i.Id).ToList();
        var recipients = (await Db.AlertRecipients.Where(r => ids.Contains(r.IncidentId) && r.Tier == AlertTier.Responders)
            .Select(r => new { r.IncidentId, r.UserId, r.Answer }).ToListAsync()).ToLookup(r => r.IncidentId);
        var going = recipients.SelectMany(g => g).Where(r => r.Answer == AlertAnswer.Going).Select(r => r.UserId).Distinct().ToList();
        var skills = await paging.SkillsAsync(Group.Id, going);
        return incidents.Select(i =>
        {
            var paged = recipients[i.Id].ToList();
            var fill = RollCall.Fill(RollCall.Parse(i.RollCall), paged.Where(r => r.Answer == AlertAnswer.Going).Select(r => skills[r.UserId]));
            return new IncidentLine(i, zones.GetValueOrDefault(i.ZoneId, "?"), paged.Count(r => r.Answer == AlertAnswer.Going),
                paged.Count(r => r.Answer != AlertAnswer.None), paged.Count, fill);
        }).ToList();
    }

    async Task<IReadOnlyList<MyAlert>> MyAlertsAsync(IReadOnlyDictionary<Guid, string> zones)
    {
        var mine = await Db.AlertRecipients.Where(r => r.UserId == Me!.Id && r.Tier == AlertTier.Responders)
            .Join(Db.Incidents.Where(i => i.GroupId == Group.Id && i.State == IncidentState.Alerted), r => r.IncidentId, i => i.Id, (r, i) => new { r, i })
            .ToListAsync();
        return mine.OrderByDescending(m => m.i.VerifiedAt)
            .Select(m => new MyAlert(m.i.Id, AlertText.Marked(m.i.Mode, m.i.Headline), zones.GetValueOrDefault(m.i.ZoneId, "?"), m.r.Answer, m.r.StandBy)).ToList();
    }

    async Task<IReadOnlyList<NotReachedLine>> NotReachedAsync()
    {
        var rows = await Db.AlertDeliveries.Where(d => d.State == DeliveryState.NotReached)
            .Join(Db.Incidents.Where(i => i.GroupId == Group.Id && (i.State == IncidentState.Reported || i.State == IncidentState.Alerted)),
                d => d.IncidentId, i => i.Id, (d, i) => new { d.UserId, d.MessageId, Incident = i })
            .Join(Db.AlertMessages, x => x.MessageId, m => m.Id, (x, m) => new { x.UserId, x.Incident, m.Sequence })
            .Join(Db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Incident, x.Sequence, u.UserName })
            .Take(500).ToListAsync();
        return rows.OrderBy(r => r.UserName).Select(r => new NotReachedLine(r.UserName ?? "", r.Incident.Id, AlertText.Marked(r.Incident.Mode, r.Incident.Headline), r.Sequence)).ToList();
    }

    async Task<IReadOnlyList<(string, IReadOnlyList<(string, string?)>)>> OnCallAsync(IReadOnlyDictionary<Guid, string> zones)
    {
        var result = new List<(string, IReadOnlyList<(string, string?)>)>();
        foreach (var (zoneId, zone) in zones.OrderBy(z => z.Value))
        {
            var people = await Networks.OnCallAsync(Group.Id, zoneId);
            var ids = people.Select(p => p.UserId).ToList();
            var names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
            result.Add((zone, people.Select(p => (names.GetValueOrDefault(p.UserId, "?"), p.Role)).OrderBy(p => p.Item1).ToList()));
        }
        return result;
    }

    /// <summary>
    /// Responders no channel of theirs can reach when they are away from Plenum: no push subscription, no
    /// confirmed e-mail, no gateway address (or no gateway). The live page only reaches them while it is open.
    /// </summary>
    async Task<IReadOnlyList<NoChannelLine>> NoChannelAsync()
    {
        var responders = await Db.Responders.Where(r => r.GroupId == Group.Id && ((int)r.Duties & (int)AlertDuty.Responder) != 0)
            .Where(r => Db.Memberships.Any(m => m.GroupId == Group.Id && m.UserId == r.UserId)).ToListAsync();
        var ids = responders.Select(r => r.UserId).ToList();
        var users = await Db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName, Email = u.EmailConfirmed && u.Email != null }).ToDictionaryAsync(u => u.Id);
        var push = (await Db.PushSubscriptions.Where(s => ids.Contains(s.UserId)).Select(s => s.UserId).Distinct().ToListAsync()).ToHashSet();
        var gateway = Network!.WebhookUrl is { Length: > 0 };
        return responders.Where(r => !r.ChannelOrder.Any(channel => channel switch
            {
                AlertChannel.Push => push.Contains(r.UserId),
                AlertChannel.Email => users.GetValueOrDefault(r.UserId)?.Email == true,
                AlertChannel.Webhook => gateway && r.GatewayAddress is { Length: > 0 },
                _ => false,
            }))
            .Select(r => new NoChannelLine(users.GetValueOrDefault(r.UserId)?.UserName ?? "?", r.ChannelOrder.Contains(AlertChannel.Live)))
            .OrderBy(l => l.Pseudonym).ToList();
    }
}
