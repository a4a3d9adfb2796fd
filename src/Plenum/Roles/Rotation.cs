using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Roles;

/// <summary>
/// Whose turn it is: among the group's members, the one who held the role least recently (never
/// first, then by how long they have been members, then by name), skipping whoever has reached the term limit.
/// </summary>
public sealed class Rotation(PlenumDb db, TimeProvider clock)
{
    public async Task<Guid?> NextHolderAsync(RotatingRole role, CancellationToken cancellationToken = default)
    {
        var members = await db.Memberships.Where(m => m.GroupId == role.GroupId && m.UserId != null)
            .Select(m => new { UserId = m.UserId!.Value, m.JoinedAt, m.User!.UserName }).ToListAsync(cancellationToken);
        var terms = await db.RoleTerms.AsNoTracking().Where(t => t.RoleId == role.Id).OrderByDescending(t => t.StartsAt).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var current = terms.FirstOrDefault(t => t.StartsAt <= now && t.EndsAt > now)?.UserId;
        var barred = BarredByLimit(role, terms);
        return members
            .Where(m => m.UserId != barred)
            .OrderBy(m => m.UserId == current ? 1 : 0)
            .ThenBy(m => terms.FirstOrDefault(t => t.UserId == m.UserId)?.StartsAt ?? DateTimeOffset.MinValue)
            .ThenBy(m => m.JoinedAt)
            .ThenBy(m => m.UserName, StringComparer.Ordinal)
            .Select(m => (Guid?)m.UserId).FirstOrDefault();
    }

    /// <summary>Who may not take the next term: whoever held the latest terms, once they reach the limit in a row.</summary>
    public async Task<Guid?> BarredByLimitAsync(RotatingRole role, CancellationToken cancellationToken = default) =>
        BarredByLimit(role, await db.RoleTerms.AsNoTracking().Where(t => t.RoleId == role.Id).OrderByDescending(t => t.StartsAt).ToListAsync(cancellationToken));

    static Guid? BarredByLimit(RotatingRole role, List<RoleTerm> newestFirst)
    {
        var latest = newestFirst.FirstOrDefault()?.UserId;
        return role.TermLimit is { } limit && latest is not null && newestFirst.TakeWhile(t => t.UserId == latest).Count() >= limit ? latest : null;
    }

    /// <summary>Starts the next term (when the current one ends, or now if nobody holds the role).</summary>
    public async Task<RoleTerm> HandOverAsync(RotatingRole role, Guid userId, TermChoice how, Guid? drawId = null, CancellationToken cancellationToken = default)
    {
        if (!await db.Memberships.AnyAsync(m => m.GroupId == role.GroupId && m.UserId == userId, cancellationToken))
            throw new GroupRuleException("Only a member of the group can hold its roles.");
        var terms = await db.RoleTerms.Where(t => t.RoleId == role.Id).OrderByDescending(t => t.StartsAt).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (terms.Any(t => t.StartsAt > now)) throw new GroupRuleException("The next term is already settled.");
        var streak = terms.TakeWhile(t => t.UserId == userId).Count();
        if (role.TermLimit is { } limit && streak >= limit)
            throw new GroupRuleException($"{role.Name}: nobody holds it more than {limit} term(s) in a row.");
        var current = terms.FirstOrDefault(t => t.EndsAt > now);
        var starts = current?.EndsAt ?? now;
        var term = new RoleTerm { Id = Guid.NewGuid(), RoleId = role.Id, UserId = userId, StartsAt = starts, EndsAt = starts.AddDays(role.TermDays), ChosenBy = how, DrawId = drawId };
        db.RoleTerms.Add(term);
        await db.SaveChangesAsync(cancellationToken);
        if (starts <= now && role.DelegatesToFederationId is not null)
        {
            // The role names the group's delegate: the seat moves with a term that starts now (later ones move by housekeeping).
            await Federations.DelegateRotation.SyncAsync(db, role, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return term;
    }
}
