using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Privacy;
using Plenum.Roles;

namespace Plenum.Federations;

/// <summary>
/// A member group can name its delegate to a federation by rotation instead of by election: whoever
/// holds one of its rotating roles (say, spokesperson) is its delegate there, and the seat moves
/// when the role's term hands over. An election or a recall in the group ends the arrangement.
/// </summary>
public sealed class DelegateRotation(PlenumDb db, TimeProvider clock) : IHousekeepingJob
{
    /// <summary>A coordinator ties the group's delegate to a role (or, with no role, back to elections).</summary>
    public async Task SetAsync(Group group, Membership actor, Guid federationId, Guid? roleId, CancellationToken cancellationToken = default)
    {
        if (actor.Role != GroupRole.Coordinator) throw new GroupRuleException("Only a coordinator chooses how the group names its delegate.");
        var federation = await db.Groups.FirstOrDefaultAsync(g => g.Id == federationId && db.Memberships.Any(m => m.GroupId == g.Id && m.MemberGroupId == group.Id), cancellationToken)
            ?? throw new GroupRuleException("The group is not a member of that federation.");
        var roles = await db.RotatingRoles.Where(r => r.GroupId == group.Id).ToListAsync(cancellationToken);
        var role = roleId is { } id ? roles.FirstOrDefault(r => r.Id == id) ?? throw new GroupRuleException("There is no such role in the group.") : null;
        foreach (var other in roles.Where(r => r.DelegatesToFederationId == federationId)) other.DelegatesToFederationId = null;
        Log(group.Id, actor.UserId, role is null ? "names its delegate by election again" : "names its delegate by rotation",
            role is null ? federation.Name : $"{federation.Name}: whoever holds the {role.Name} role");
        if (role is not null)
        {
            role.DelegatesToFederationId = federationId;
            await SyncAsync(db, role, clock.GetUtcNow(), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves the seats of groups whose role has changed hands since the last run.</summary>
    public async Task RunAsync(PlenumDb database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var role in await database.RotatingRoles.Where(r => r.DelegatesToFederationId != null).ToListAsync(cancellationToken))
            await SyncAsync(database, role, now, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Seats the role's current holder as the group's delegate, ending whoever held the seat before;
    /// with nobody in the role the group has no delegate until someone takes it. The caller saves.
    /// </summary>
    public static async Task SyncAsync(PlenumDb db, RotatingRole role, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (role.DelegatesToFederationId is not { } federationId) return;
        var holder = await db.RoleTerms.Where(t => t.RoleId == role.Id && t.StartsAt <= now && t.EndsAt > now).Select(t => (Guid?)t.UserId).FirstOrDefaultAsync(cancellationToken);
        var seated = await db.Delegations.Where(d => d.FederationId == federationId && d.MemberGroupId == role.GroupId && d.Until == null).ToListAsync(cancellationToken);
        if (seated is [{ ChosenBy: DelegateChoice.Rotation } only] && only.UserId == holder) return;
        if (seated.Count == 0 && holder is null) return;
        foreach (var delegation in seated) delegation.Until = now;
        string? name = null;
        if (holder is { } userId)
        {
            db.Delegations.Add(new Delegation { Id = Guid.NewGuid(), FederationId = federationId, MemberGroupId = role.GroupId, UserId = userId, ChosenBy = DelegateChoice.Rotation, Since = now });
            name = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleAsync(cancellationToken);
        }
        var federation = await db.Groups.Where(g => g.Id == federationId).Select(g => g.Name).SingleAsync(cancellationToken);
        db.GroupLog.Add(new GroupLogEntry
        {
            Id = Guid.NewGuid(), GroupId = role.GroupId, Action = "delegate changed with the role's term",
            Detail = $"{federation}: {name ?? "nobody"} ({role.Name})", At = now,
        });
    }

    void Log(Guid groupId, Guid? actorId, string action, string detail) => db.GroupLog.Add(new GroupLogEntry
    {
        Id = Guid.NewGuid(), GroupId = groupId, ActorId = actorId, Action = action, Detail = detail, At = clock.GetUtcNow(),
    });
}
