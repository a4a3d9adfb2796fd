using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Federations;

/// <summary>
/// Groups joining and leaving federations, and who speaks for them there. A federation's members
/// are groups; the people it hears from directly are the member groups' current delegates.
/// </summary>
public sealed class FederationMembership(PlenumDb db, TimeProvider clock)
{
    /// <summary>A coordinator of <paramref name="group"/> asks to join the federation; its coordinators decide.</summary>
    public async Task ApplyAsync(Group group, Membership actor, string federationSlug, CancellationToken cancellationToken = default)
    {
        if (actor.Role != GroupRole.Coordinator) throw new GroupRuleException("Only a coordinator can ask for the group to join a federation.");
        var federation = await db.Groups.FirstOrDefaultAsync(g => g.Slug == federationSlug.Trim() && g.Kind == GroupKind.Federation, cancellationToken)
            ?? throw new GroupRuleException("There is no federation with that address.");
        if (federation.Id == group.Id || await IsWithinAsync(federation.Id, group.Id, cancellationToken))
            throw new GroupRuleException("A federation cannot join itself or one of its own members.");
        if (await db.Memberships.AnyAsync(m => m.GroupId == federation.Id && m.MemberGroupId == group.Id, cancellationToken))
            throw new GroupRuleException("The group is a member of that federation already.");
        if (await db.FederationApplications.AnyAsync(a => a.FederationId == federation.Id && a.GroupId == group.Id, cancellationToken))
            throw new GroupRuleException("The group has asked already; the federation's coordinators decide.");
        db.FederationApplications.Add(new FederationApplication
        {
            Id = Guid.NewGuid(), FederationId = federation.Id, GroupId = group.Id, RequestedById = actor.UserId, RequestedAt = clock.GetUtcNow(),
        });
        Log(group.Id, actor.UserId, "asked to join a federation", federation.Name);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request sent twice at once: the first one stands.
            db.ChangeTracker.Clear();
            if (!await db.FederationApplications.AnyAsync(a => a.FederationId == federation.Id && a.GroupId == group.Id, cancellationToken)) throw;
        }
    }

    public async Task AcceptAsync(Group federation, Membership actor, Guid applicationId, CancellationToken cancellationToken = default)
    {
        if (actor.Role != GroupRole.Coordinator) throw new GroupRuleException("Only a coordinator of the federation can accept a member group.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await db.FederationApplications.Include(a => a.Group)
            .FirstOrDefaultAsync(a => a.Id == applicationId && a.FederationId == federation.Id, cancellationToken)
            ?? throw new GroupRuleException("That request is gone.");
        // Checked again here: memberships may have changed since the group asked.
        if (await IsWithinAsync(federation.Id, application.GroupId, cancellationToken))
            throw new GroupRuleException($"This federation is already a member of {application.Group!.Name} (directly or further down): accepting it would make a loop.");
        db.FederationApplications.Remove(application);
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), GroupId = federation.Id, MemberGroupId = application.GroupId, Role = GroupRole.Member, JoinedAt = clock.GetUtcNow() });
        Log(federation.Id, actor.UserId, "accepted a member group", application.Group!.Name);
        Log(application.GroupId, actor.UserId, "joined a federation", federation.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A member group leaves; its delegates' terms end with it.</summary>
    public async Task LeaveAsync(Group group, Membership actor, Guid federationId, CancellationToken cancellationToken = default)
    {
        if (actor.Role != GroupRole.Coordinator) throw new GroupRuleException("Only a coordinator can take the group out of a federation.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.Memberships.Where(m => m.GroupId == federationId && m.MemberGroupId == group.Id).ExecuteDeleteAsync(cancellationToken) == 0)
            throw new GroupRuleException("The group is not a member of that federation.");
        await db.Delegations.Where(d => d.FederationId == federationId && d.MemberGroupId == group.Id && d.Until == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Until, now), cancellationToken);
        Log(group.Id, actor.UserId, "left a federation");
        Log(federationId, actor.UserId, "lost a member group", group.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="groupId"/> is <paramref name="federationId"/>'s member at any depth.</summary>
    async Task<bool> IsWithinAsync(Guid groupId, Guid federationId, CancellationToken cancellationToken)
    {
        var frontier = new List<Guid> { federationId };
        var seen = new HashSet<Guid>();
        while (frontier.Count > 0)
        {
            var members = await db.Memberships.Where(m => frontier.Contains(m.GroupId) && m.MemberGroupId != null).Select(m => m.MemberGroupId!.Value).ToListAsync(cancellationToken);
            if (members.Contains(groupId)) return true;
            frontier = [.. members.Where(seen.Add)];
        }
        return false;
    }

    /// <summary>Whether the person may follow the group's live updates: a member, or a current delegate to it (as on its pages).</summary>
    public static Task<bool> MayReadAsync(PlenumDb db, Guid groupId, Guid userId, CancellationToken cancellationToken = default) =>
        db.Groups.AnyAsync(g => g.Id == groupId && (db.Memberships.Any(m => m.GroupId == g.Id && m.UserId == userId)
            || (g.Kind == GroupKind.Federation && db.Delegations.Any(d => d.FederationId == g.Id && d.UserId == userId && d.Until == null))), cancellationToken);

    /// <summary>Current delegates of a federation, with their member groups.</summary>
    public Task<List<Delegation>> DelegatesAsync(Guid federationId, CancellationToken cancellationToken = default) =>
        db.Delegations.Include(d => d.User).Include(d => d.MemberGroup)
            .Where(d => d.FederationId == federationId && d.Until == null).OrderBy(d => d.Since).ToListAsync(cancellationToken);

    /// <summary>
    /// A delegate takes part in the federation like a member (reads, votes in delegate votes), so
    /// pages and the API treat them as one; the membership is not stored and grants no member powers.
    /// </summary>
    public static async Task<Membership?> AsDelegateAsync(PlenumDb db, Group federation, Guid userId, CancellationToken cancellationToken = default)
    {
        if (federation.Kind != GroupKind.Federation) return null;
        var delegation = await db.Delegations.Where(d => d.FederationId == federation.Id && d.UserId == userId && d.Until == null)
            .OrderBy(d => d.Since).FirstOrDefaultAsync(cancellationToken);
        return delegation is null ? null
            : new Membership { Id = delegation.Id, GroupId = federation.Id, UserId = userId, Role = GroupRole.Member, JoinedAt = delegation.Since, IsDelegateStandIn = true };
    }

    void Log(Guid groupId, Guid? actorId, string action, string? detail = null) => db.GroupLog.Add(new GroupLogEntry
    {
        Id = Guid.NewGuid(), GroupId = groupId, ActorId = actorId, Action = action, Detail = detail, At = clock.GetUtcNow(),
    });
}
