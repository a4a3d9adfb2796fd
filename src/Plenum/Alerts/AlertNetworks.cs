using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Alerts;

/// <summary>Reads a network's settings, its people's duties and who is on call.</summary>
public sealed class AlertNetworks(PlenumDb db, TimeProvider clock)
{
    public Task<AlertNetwork?> SettingsAsync(Guid groupId) => db.AlertNetworks.FirstOrDefaultAsync(n => n.GroupId == groupId);

    public Task<Responder?> ResponderAsync(Guid groupId, Guid userId) =>
        db.Responders.FirstOrDefaultAsync(r => r.GroupId == groupId && r.UserId == userId);

    public async Task<IReadOnlyList<AlertZone>> ZonesAsync(Guid groupId) =>
        await db.AlertZones.Where(z => z.GroupId == groupId).OrderBy(z => z.Name).ToListAsync();

    /// <summary>The duties a member holds; a group's coordinators may always dispatch and verify.</summary>
    public async Task<AlertDuty> DutiesAsync(Guid groupId, Guid userId)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId);
        if (membership is null) return AlertDuty.None;
        var duties = await db.Responders.Where(r => r.GroupId == groupId && r.UserId == userId).Select(r => (AlertDuty?)r.Duties).FirstOrDefaultAsync() ?? AlertDuty.None;
        return membership.Role == GroupRole.Coordinator ? duties | AlertDuty.Dispatcher | AlertDuty.Verifier : duties;
    }

    /// <summary>The members who hold a duty (coordinators count as dispatchers and verifiers).</summary>
    public async Task<IReadOnlyList<Guid>> WithDutyAsync(Guid groupId, AlertDuty duty)
    {
        var holders = await db.Responders.Where(r => r.GroupId == groupId && ((int)r.Duties & (int)duty) != 0)
            .Where(r => db.Memberships.Any(m => m.GroupId == groupId && m.UserId == r.UserId))
            .Select(r => r.UserId).ToListAsync();
        if (duty.HasFlag(AlertDuty.Dispatcher) || duty.HasFlag(AlertDuty.Verifier))
            holders.AddRange(await db.Memberships.Where(m => m.GroupId == groupId && m.Role == GroupRole.Coordinator && m.UserId != null)
                .Select(m => m.UserId!.Value).ToListAsync());
        return holders.Distinct().ToList();
    }

    /// <summary>Responders with a shift running now, in one zone or in any, with the role of their shift.</summary>
    public async Task<IReadOnlyList<(Guid UserId, string? Role)>> OnCallAsync(Guid groupId, Guid? zoneId)
    {
        var now = clock.GetUtcNow();
        var shifts = db.Shifts.Where(s => s.GroupId == groupId && s.StartsAt <= now && s.EndsAt > now);
        if (zoneId is not null) shifts = shifts.Where(s => s.ZoneId == zoneId);
        var onCall = await shifts
            .Where(s => db.Responders.Any(r => r.GroupId == groupId && r.UserId == s.UserId && ((int)r.Duties & (int)AlertDuty.Responder) != 0))
            .Where(s => db.Memberships.Any(m => m.GroupId == groupId && m.UserId == s.UserId))
            .Select(s => new { s.UserId, s.Role }).ToListAsync();
        return onCall.GroupBy(s => s.UserId).Select(g => (g.Key, g.Select(s => s.Role).FirstOrDefault(r => r != null))).ToList();
    }
}
