using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Groups;

/// <summary>
/// What ends with a person's membership: speaking for the group as a delegate to its federations,
/// and holding its roles (the current term ends now; terms still to come are dropped).
/// </summary>
public static class MemberDeparture
{
    public static async Task EndDutiesAsync(PlenumDb db, Guid groupId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await db.Delegations.Where(d => d.MemberGroupId == groupId && d.UserId == userId && d.Until == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Until, now), cancellationToken);
        var roles = db.RotatingRoles.Where(r => r.GroupId == groupId).Select(r => r.Id);
        await db.RoleTerms.Where(t => roles.Contains(t.RoleId) && t.UserId == userId && t.StartsAt > now).ExecuteDeleteAsync(cancellationToken);
        await db.RoleTerms.Where(t => roles.Contains(t.RoleId) && t.UserId == userId && t.EndsAt > now)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.EndsAt, now), cancellationToken);
    }
}
