using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// Who an alert pages, wave by wave, until its roll-call is filled: first those on call in the zone with a
/// skill it asks for, then everyone on call in the zone, then everyone on call in any zone, then every
/// responder of the network. A plain alert (no roll-call) starts with everyone on call in the zone.
/// </summary>
public sealed class RollCallPaging(PlenumDb db, AlertNetworks networks, TimeProvider clock)
{
    public const int LastWave = 4;

    /// <summary>The people the next wave that adds anyone pages, and its number; none when every wave is spent.</summary>
    public async Task<(int Wave, IReadOnlyList<Guid> People)> NextWaveAsync(Incident incident)
    {
        var needs = RollCall.Parse(incident.RollCall);
        var already = (await db.AlertRecipients.Where(r => r.IncidentId == incident.Id && r.Tier == AlertTier.Responders)
            .Select(r => r.UserId).ToListAsync()).ToHashSet();
        for (var wave = incident.PagingWave + 1; wave <= LastWave; wave++)
        {
            var fresh = (await WaveAsync(incident, needs, wave)).Where(already.Add).ToList();
            if (fresh.Count > 0) return (wave, fresh);
        }
        return (LastWave, []);
    }

    async Task<IReadOnlyList<Guid>> WaveAsync(Incident incident, IReadOnlyList<RollCallNeed> needs, int wave)
    {
        switch (wave)
        {
            case 1:
                var inZone = await networks.OnCallAsync(incident.GroupId, incident.ZoneId);
                if (needs is [{ Skill: RollCallNeed.Anyone }]) return inZone.Select(p => p.UserId).ToList();
                var skills = await SkillsAsync(incident.GroupId, inZone.Select(p => p.UserId).ToList());
                return inZone.Where(p => needs.Any(n =>
                        string.Equals(p.Role, n.Skill, StringComparison.OrdinalIgnoreCase) || RollCall.HasSkill(skills[p.UserId], n.Skill)))
                    .Select(p => p.UserId).ToList();
            case 2:
                return (await networks.OnCallAsync(incident.GroupId, incident.ZoneId)).Select(p => p.UserId).ToList();
            case 3:
                return (await networks.OnCallAsync(incident.GroupId, null)).Select(p => p.UserId).ToList();
            default:
                return await db.Responders.Where(r => r.GroupId == incident.GroupId && ((int)r.Duties & (int)AlertDuty.Responder) != 0)
                    .Where(r => db.Memberships.Any(m => m.GroupId == incident.GroupId && m.UserId == r.UserId))
                    .Select(r => r.UserId).ToListAsync();
        }
    }

    /// <summary>Whether the people who said "going" fill the roll-call.</summary>
    public async Task<bool> IsFilledAsync(Incident incident)
    {
        var going = await db.AlertRecipients.Where(r => r.IncidentId == incident.Id && r.Answer == AlertAnswer.Going)
            .Select(r => r.UserId).ToListAsync();
        var skills = await SkillsAsync(incident.GroupId, going);
        return RollCall.IsFilled(RollCall.Parse(incident.RollCall), going.Select(g => skills[g]));
    }

    /// <summary>Each person's skills, with the roles of their current shifts.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> SkillsAsync(Guid groupId, IReadOnlyCollection<Guid> userIds)
    {
        var profiles = await db.Responders.Where(r => r.GroupId == groupId && userIds.Contains(r.UserId))
            .Select(r => new { r.UserId, r.Skills }).ToListAsync();
        var now = clock.GetUtcNow();
        // The role of a shift counts as a skill, as it does when wave 1 picks whom to page.
        var roles = (await db.Shifts.Where(s => s.GroupId == groupId && userIds.Contains(s.UserId) && s.Role != null && s.StartsAt <= now && s.EndsAt > now)
            .Select(s => new { s.UserId, s.Role }).ToListAsync()).ToLookup(s => s.UserId, s => s.Role!);
        var known = profiles.ToDictionary(p => p.UserId, p => AlertText.SplitList(p.Skills));
        return userIds.Distinct().ToDictionary(id => id, id =>
            (IReadOnlyList<string>)(known.GetValueOrDefault(id) ?? []).Concat(roles[id]).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
