using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Aid;

/// <summary>
/// A group's mutual aid set-up and who may do what in it: dispatchers (coordinators, or whoever holds a
/// role named "dispatcher"), vetted volunteers, and the safety contact (the holder of a role named
/// "safety contact", else the coordinators).
/// </summary>
public sealed class AidGroups(PlenumDb db, TimeProvider clock)
{
    public const string DispatcherRole = "dispatcher", SafetyRole = "safety contact";
    public static readonly (string Name, bool Sensitive)[] DefaultCategories =
        [("groceries", false), ("meals", false), ("ride", false), ("childcare", true), ("housing", true), ("medical", true), ("money", false), ("other", false)];

    public Task<AidSettings?> SettingsAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        db.AidSettings.FirstOrDefaultAsync(s => s.GroupId == groupId, cancellationToken);

    /// <summary>Turns mutual aid on with the default categories and one area to start from.</summary>
    public async Task<AidSettings> TurnOnAsync(Group group, CancellationToken cancellationToken = default)
    {
        if (await SettingsAsync(group.Id, cancellationToken) is { } existing) return existing;
        var settings = new AidSettings { GroupId = group.Id };
        db.AidSettings.Add(settings);
        foreach (var (name, sensitive) in DefaultCategories)
            db.AidCategories.Add(new AidCategory { Id = Guid.NewGuid(), GroupId = group.Id, Name = name, Sensitive = sensitive });
        if (!await db.AidAreas.AnyAsync(a => a.GroupId == group.Id, cancellationToken))
            db.AidAreas.Add(new AidArea { Id = Guid.NewGuid(), GroupId = group.Id, Name = "Whole area" });
        await db.SaveChangesAsync(cancellationToken);
        return settings;
    }

    public Task<List<AidCategory>> CategoriesAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        db.AidCategories.Where(c => c.GroupId == groupId && !c.Retired).OrderBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<List<AidArea>> AreasAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        db.AidAreas.Where(a => a.GroupId == groupId && !a.Retired).OrderBy(a => a.Name).ToListAsync(cancellationToken);

    public async Task<bool> IsDispatcherAsync(Guid groupId, Guid userId, CancellationToken cancellationToken = default) =>
        await db.Memberships.AnyAsync(m => m.GroupId == groupId && m.UserId == userId && m.Role == GroupRole.Coordinator, cancellationToken)
        || (await HoldersAsync(groupId, DispatcherRole, cancellationToken)).Contains(userId);

    public async Task<bool> IsVettedAsync(Guid groupId, Guid userId, CancellationToken cancellationToken = default) =>
        await db.AidVettings.AnyAsync(v => v.GroupId == groupId && v.UserId == userId, cancellationToken);

    public async Task<List<Guid>> DispatchersAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        var coordinators = await db.Memberships.Where(m => m.GroupId == groupId && m.Role == GroupRole.Coordinator && m.UserId != null)
            .Select(m => m.UserId!.Value).ToListAsync(cancellationToken);
        return [.. coordinators.Union(await HoldersAsync(groupId, DispatcherRole, cancellationToken))];
    }

    /// <summary>Who receives reports about volunteers: the current safety contact, else the coordinators.</summary>
    public async Task<List<Guid>> SafetyContactsAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        var holders = await HoldersAsync(groupId, SafetyRole, cancellationToken);
        return holders.Count > 0 ? holders : await db.Memberships.Where(m => m.GroupId == groupId && m.Role == GroupRole.Coordinator && m.UserId != null)
            .Select(m => m.UserId!.Value).ToListAsync(cancellationToken);
    }

    async Task<List<Guid>> HoldersAsync(Guid groupId, string roleName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = await db.RotatingRoles.Where(r => r.GroupId == groupId).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var ids = roles.Where(r => r.Name.Trim().Equals(roleName, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList();
        if (ids.Count == 0) return [];
        return await db.RoleTerms.Where(t => ids.Contains(t.RoleId) && t.StartsAt <= now && t.EndsAt > now).Select(t => t.UserId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Records as vetted the members whose accepted join request carried enough vouches, before join requests expire.</summary>
    public async Task<int> VetByVouchesAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var candidates = await (from s in db.AidSettings
                                where s.VouchesToVet > 0
                                from r in db.JoinRequests
                                where r.GroupId == s.GroupId && r.Status == JoinRequestStatus.Accepted && r.Vouches.Count >= s.VouchesToVet
                                    && !db.AidVettings.Any(v => v.GroupId == r.GroupId && v.UserId == r.UserId)
                                    && db.Memberships.Any(m => m.GroupId == r.GroupId && m.UserId == r.UserId)
                                select new { r.GroupId, r.UserId }).Distinct().ToListAsync(cancellationToken);
        foreach (var c in candidates)
            db.AidVettings.Add(new AidVetting { GroupId = c.GroupId, UserId = c.UserId, How = VettedBy.Vouches, At = now });
        await db.SaveChangesAsync(cancellationToken);
        return candidates.Count;
    }
}
