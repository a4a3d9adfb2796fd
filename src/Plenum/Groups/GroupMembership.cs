using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Infrastructure;

namespace Plenum.Groups;

/// <summary>A refusal the person can act on, shown as it is.</summary>
public sealed class GroupRuleException(string message) : RuleException(message);

/// <summary>
/// Joining and leaving: by invite link, freely (open assemblies), or by request with vouches.
/// Every change is logged in the group and written in one transaction.
/// </summary>
public sealed class GroupMembership(PlenumDb db, Events.RsvpBook rsvps, TimeProvider clock)
{
    public Task<Membership?> FindAsync(Guid groupId, Guid userId, CancellationToken cancellationToken = default) =>
        db.Memberships.FirstOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);

    public static bool MayInvite(Group group, Membership? membership) =>
        membership is not null && !membership.IsDelegateStandIn && !group.IsArchived &&
        (group.WhoMayInvite == InvitePermission.AnyMember || membership.Role == GroupRole.Coordinator);

    public async Task<Group> CreateGroupAsync(User founder, Group group, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        group.Slug = await UniqueSlugAsync(group.Slug, cancellationToken);
        group.Id = Guid.NewGuid();
        group.CreatedAt = clock.GetUtcNow();
        db.Groups.Add(group);
        AddMember(group.Id, founder.Id, GroupRole.Coordinator);
        Log(group.Id, founder.Id, "created the group");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return group;
    }

    /// <summary>Uses one place on the link and makes the person a member; the use count is claimed atomically so a limit holds under concurrent joins.</summary>
    public async Task JoinWithInvitationAsync(Invitation invitation, User user, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.RevokedAt == null && (i.MaxUses == null || i.Uses < i.MaxUses))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Uses, i => i.Uses + 1), cancellationToken);
        if (claimed == 0 || invitation.ExpiresAt <= now)
            throw new GroupRuleException("This invite link has expired or been used up. Ask for a new one.");
        if (invitation.GrantsInstanceAdmin)
        {
            user.IsInstanceAdmin = true;
            db.Users.Update(user);
        }
        if (invitation.GroupId is { } groupId && await FindAsync(groupId, user.Id, cancellationToken) is null)
        {
            var group = await db.Groups.SingleAsync(g => g.Id == groupId, cancellationToken);
            await EnsureRoomAsync(group, cancellationToken);
            AddMember(groupId, user.Id, GroupRole.Member);
            Log(groupId, user.Id, "joined with an invite link");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task JoinOpenGroupAsync(Group group, User user, CancellationToken cancellationToken = default)
    {
        if (group.JoinPolicy != JoinPolicy.Open || group.IsArchived)
            throw new GroupRuleException("This group is not open to join directly.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(group.Id, user.Id, cancellationToken) is not null) return;
        await EnsureRoomAsync(group, cancellationToken);
        AddMember(group.Id, user.Id, GroupRole.Member);
        Log(group.Id, user.Id, "joined");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<JoinRequest> RequestToJoinAsync(Group group, User user, string? message, CancellationToken cancellationToken = default)
    {
        if (group.JoinPolicy != JoinPolicy.ByRequest || group.IsArchived)
            throw new GroupRuleException("This group does not take join requests.");
        if (await FindAsync(group.Id, user.Id, cancellationToken) is not null)
            throw new GroupRuleException("You are already a member.");
        if (await db.JoinRequests.AnyAsync(r => r.GroupId == group.Id && r.UserId == user.Id && r.Status == JoinRequestStatus.Pending, cancellationToken))
            throw new GroupRuleException("You have already asked to join; members will vouch for you.");
        var request = new JoinRequest
        {
            Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Message = message,
            Status = JoinRequestStatus.Pending, CreatedAt = clock.GetUtcNow(),
        };
        db.JoinRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>A member vouches for an applicant; with enough vouches the applicant becomes a member.</summary>
    public async Task<bool> VouchAsync(Guid requestId, User voucher, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.JoinRequests.Include(r => r.Group).Include(r => r.Vouches)
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new GroupRuleException("That join request no longer exists.");
        if (request.Status != JoinRequestStatus.Pending)
            throw new GroupRuleException("That join request has already been decided.");
        if (await FindAsync(request.GroupId, voucher.Id, cancellationToken) is null)
            throw new GroupRuleException("Only members can vouch.");
        if (request.UserId == voucher.Id)
            throw new GroupRuleException("You cannot vouch for yourself.");
        if (request.Vouches.Any(v => v.VoucherId == voucher.Id))
            throw new GroupRuleException("You have already vouched for this person.");
        var now = clock.GetUtcNow();
        // Counted before adding: EF adds the new vouch to request.Vouches as soon as it is tracked.
        var accepted = request.Vouches.Count + 1 >= Math.Max(1, request.Group.VouchesRequired);
        db.Vouches.Add(new Vouch { Id = Guid.NewGuid(), JoinRequestId = request.Id, VoucherId = voucher.Id, CreatedAt = now });
        if (accepted)
        {
            await EnsureRoomAsync(request.Group, cancellationToken);
            request.Status = JoinRequestStatus.Accepted;
            request.DecidedAt = now;
            AddMember(request.GroupId, request.UserId, GroupRole.Member);
            Log(request.GroupId, request.UserId, "joined after vouches");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return accepted;
    }

    public async Task LeaveAsync(Group group, User user, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await FindAsync(group.Id, user.Id, cancellationToken)
            ?? throw new GroupRuleException("You are not a member of this group.");
        var coordinators = await db.Memberships.CountAsync(m => m.GroupId == group.Id && m.Role == GroupRole.Coordinator, cancellationToken);
        var members = await db.Memberships.CountAsync(m => m.GroupId == group.Id, cancellationToken);
        if (membership.Role == GroupRole.Coordinator && coordinators == 1 && members > 1)
            throw new GroupRuleException("You are the group's only coordinator: make another member coordinator before you leave.");
        db.Memberships.Remove(membership);
        await MemberDeparture.EndDutiesAsync(db, group.Id, user.Id, clock.GetUtcNow(), cancellationToken);
        Log(group.Id, user.Id, "left");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await rsvps.WithdrawAsync(group.Id, user.Id, cancellationToken);
    }

    /// <summary>Removal by a coordinator or instance admin, logged (the decisions feature will make it a group decision).</summary>
    public async Task RemoveAsync(Group group, Guid memberUserId, User actor, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new GroupRuleException("Give a reason for the removal; it is logged for the group.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await FindAsync(group.Id, memberUserId, cancellationToken)
            ?? throw new GroupRuleException("That person is not a member.");
        db.Memberships.Remove(membership);
        await MemberDeparture.EndDutiesAsync(db, group.Id, memberUserId, clock.GetUtcNow(), cancellationToken);
        Log(group.Id, actor.Id, "removed a member", $"{(await db.Users.SingleAsync(u => u.Id == memberUserId, cancellationToken)).DisplayName}: {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await rsvps.WithdrawAsync(group.Id, memberUserId, cancellationToken);
    }

    /// <summary>A coordinator makes a member coordinator or steps them back; the group never loses its last coordinator.</summary>
    public async Task SetRoleAsync(Group group, Guid memberUserId, GroupRole role, User actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await FindAsync(group.Id, memberUserId, cancellationToken)
            ?? throw new GroupRuleException("That person is not a member.");
        if (membership.Role == role) return;
        if (role != GroupRole.Coordinator
            && await db.Memberships.CountAsync(m => m.GroupId == group.Id && m.Role == GroupRole.Coordinator, cancellationToken) == 1)
            throw new GroupRuleException("The group needs at least one coordinator: make someone else coordinator first.");
        membership.Role = role;
        var name = (await db.Users.SingleAsync(u => u.Id == memberUserId, cancellationToken)).DisplayName;
        Log(group.Id, actor.Id, role == GroupRole.Coordinator ? "made a member coordinator" : "made a coordinator a member", name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A coordinator sets what a member's vote counts for where the rulebook weighs votes. Every
    /// change is in the group log for all members to see, since weights decide outcomes.
    /// </summary>
    public async Task SetVoteWeightAsync(Group group, Guid memberUserId, int weight, User actor, CancellationToken cancellationToken = default)
    {
        if (weight is < 0 or > 1_000_000) throw new GroupRuleException("A vote weight is a whole number from 0 to 1,000,000.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await FindAsync(group.Id, memberUserId, cancellationToken)
            ?? throw new GroupRuleException("That person is not a member.");
        if (membership.VoteWeight == weight) return;
        var name = (await db.Users.SingleAsync(u => u.Id == memberUserId, cancellationToken)).DisplayName;
        Log(group.Id, actor.Id, "changed a vote weight", $"{name}: {membership.VoteWeight} → {weight}");
        membership.VoteWeight = weight;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Groups with other members in which this person is the only coordinator.</summary>
    public Task<List<Group>> SoleCoordinatorOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Groups.Where(g => g.ArchivedAt == null
                && db.Memberships.Any(m => m.GroupId == g.Id && m.UserId == userId && m.Role == GroupRole.Coordinator)
                && !db.Memberships.Any(m => m.GroupId == g.Id && m.UserId != userId && m.Role == GroupRole.Coordinator)
                && db.Memberships.Any(m => m.GroupId == g.Id && m.UserId != userId))
            .OrderBy(g => g.Name).ToListAsync(cancellationToken);

    async Task<string> UniqueSlugAsync(string wanted, CancellationToken cancellationToken)
    {
        var taken = await db.Groups.Where(g => g.Slug == wanted || g.Slug.StartsWith(wanted + "-"))
            .Select(g => g.Slug).ToListAsync(cancellationToken);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++) slug = $"{wanted}-{n}";
        return slug;
    }

    async Task EnsureRoomAsync(Group group, CancellationToken cancellationToken)
    {
        if (group.MemberCap is { } cap && await db.Memberships.CountAsync(m => m.GroupId == group.Id, cancellationToken) >= cap)
            throw new GroupRuleException($"This group is full ({cap} members).");
    }

    void AddMember(Guid groupId, Guid userId, GroupRole role) => db.Memberships.Add(new Membership
    {
        Id = Guid.NewGuid(), GroupId = groupId, UserId = userId, Role = role, JoinedAt = clock.GetUtcNow(),
    });

    void Log(Guid groupId, Guid? actorId, string action, string? detail = null) => db.GroupLog.Add(new GroupLogEntry
    {
        Id = Guid.NewGuid(), GroupId = groupId, ActorId = actorId, Action = action, Detail = detail, At = clock.GetUtcNow(),
    });
}
