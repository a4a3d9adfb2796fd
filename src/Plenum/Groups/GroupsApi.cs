using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Api;
using Plenum.Data;

namespace Plenum.Groups;

/// <summary>/api/v1 endpoints for groups, memberships and invitations.</summary>
public static class GroupsApi
{
    public sealed record GroupDto(Guid Id, string Slug, string Name, string Description, GroupKind Kind, JoinPolicy JoinPolicy,
        InvitePermission WhoMayInvite, int VouchesRequired, int? MemberCap, DateTimeOffset? EndsAt, bool Archived, string? Parent, GroupRole? MyRole);
    public sealed record MemberDto(string Name, GroupRole Role, DateTimeOffset JoinedAt, bool IsGroup);
    public sealed record InvitationRequest(int ValidDays = 7, int? MaxUses = null);
    public sealed record InvitationDto(Guid Id, DateTimeOffset ExpiresAt, int? MaxUses, int Uses, bool Revoked, string? Link);
    public sealed record AcceptRequest(string Invite);

    public static void MapGroupsApi(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapGet("/", ListAsync).WithSummary("Groups you belong to, and open or by-request groups you may join.");
        groups.MapPost("/", CreateAsync).WithSummary("Create a group; you become its coordinator.");
        groups.MapGet("/{slug}", GetAsync).WithSummary("One group.");
        groups.MapGet("/{slug}/members", MembersAsync).WithSummary("A group's members (members only).");
        groups.MapPost("/{slug}/join", JoinAsync).WithSummary("Join an open group.");
        groups.MapDelete("/{slug}/members/me", LeaveAsync).WithSummary("Leave a group.");
        groups.MapGet("/{slug}/invitations", InvitationsAsync).WithSummary("Invite links of a group (those who may invite).");
        groups.MapPost("/{slug}/invitations", InviteAsync).WithSummary("Create an invite link; the link is shown only in this response.");
        groups.MapDelete("/{slug}/invitations/{id:guid}", RevokeAsync).WithSummary("Revoke an invite link.");
        api.MapPost("/invitations/accept", AcceptAsync).WithTags("Groups").WithSummary("Join a group with an invite link's secret (the part after /invite/).");
    }

    static Guid UserId(ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);

    static async Task<(Group? Group, Membership? Membership)> LoadAsync(PlenumDb db, string slug, ClaimsPrincipal principal)
    {
        var group = await db.Groups.Include(g => g.Parent).FirstOrDefaultAsync(g => g.Slug == slug);
        if (group is null) return (null, null);
        var userId = UserId(principal);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId);
        // Closed groups do not exist for outsiders.
        return group.IsClosed && membership is null ? (null, null) : (group, membership);
    }

    static GroupDto ToDto(Group g, Membership? m) => new(g.Id, g.Slug, g.Name, g.Description, g.Kind, g.JoinPolicy,
        g.WhoMayInvite, g.VouchesRequired, g.MemberCap, g.EndsAt, g.IsArchived, g.Parent?.Slug, m?.Role);

    static async Task<IResult> ListAsync(PlenumDb db, ClaimsPrincipal principal)
    {
        var userId = UserId(principal);
        var mine = await db.Memberships.Where(m => m.UserId == userId).Include(m => m.Group).ThenInclude(g => g.Parent).ToListAsync();
        var mineIds = mine.Select(m => m.GroupId).ToHashSet();
        var joinable = await db.Groups.Include(g => g.Parent)
            .Where(g => g.ArchivedAt == null && g.Kind != GroupKind.AffinityGroup && g.JoinPolicy != JoinPolicy.InviteOnly && !mineIds.Contains(g.Id))
            .OrderBy(g => g.Name).ToListAsync();
        return Results.Ok(mine.Select(m => ToDto(m.Group, m)).Concat(joinable.Select(g => ToDto(g, null))));
    }

    static async Task<IResult> CreateAsync(GroupForm form, PlenumDb db, GroupMembership membership, CurrentUser users, ClaimsPrincipal principal, TimeProvider clock)
    {
        var errors = Validate(form, clock.GetUtcNow());
        Group? parent = null;
        if (form.Parent is { Length: > 0 } parentSlug)
        {
            parent = await db.Groups.FirstOrDefaultAsync(g => g.Slug == parentSlug);
            var userId = UserId(principal);
            if (parent is null || !await db.Memberships.AnyAsync(m => m.GroupId == parent.Id && m.UserId == userId))
                errors[nameof(GroupForm.Parent)] = ["You can only create a group inside a group you belong to."];
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var user = await users.GetAsync(principal);
        var group = await membership.CreateGroupAsync(user, form.ToGroup(parent?.Id));
        return Results.Created($"/api/v1/groups/{group.Slug}", ToDto(group, new Membership { Role = GroupRole.Coordinator }));
    }

    static Dictionary<string, string[]> Validate(GroupForm form, DateTimeOffset now)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(n => (Field: n, Message: r.ErrorMessage ?? "Invalid.")))
            .Concat(form.CheckRules(now))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
    }

    static async Task<IResult> GetAsync(string slug, PlenumDb db, ClaimsPrincipal principal)
    {
        var (group, membership) = await LoadAsync(db, slug, principal);
        return group is null ? ApiProblems.NotFound("group") : Results.Ok(ToDto(group, membership));
    }

    static async Task<IResult> MembersAsync(string slug, PlenumDb db, ClaimsPrincipal principal)
    {
        var (group, membership) = await LoadAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        if (membership is null) return ApiProblems.Refused("Only members can see who belongs to this group.", StatusCodes.Status403Forbidden);
        var members = await db.Memberships.Where(m => m.GroupId == group.Id)
            .Include(m => m.User).Include(m => m.MemberGroup).OrderBy(m => m.JoinedAt).ToListAsync();
        return Results.Ok(members.Select(m => new MemberDto(m.User?.DisplayName ?? m.MemberGroup!.Name, m.Role, m.JoinedAt, m.MemberGroupId is not null)));
    }

    static async Task<IResult> JoinAsync(string slug, PlenumDb db, GroupMembership membership, CurrentUser users, ClaimsPrincipal principal)
    {
        var (group, _) = await LoadAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        try
        {
            await membership.JoinOpenGroupAsync(group, await users.GetAsync(principal));
            return Results.NoContent();
        }
        catch (GroupRuleException refusal) { return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict); }
    }

    static async Task<IResult> LeaveAsync(string slug, PlenumDb db, GroupMembership membership, CurrentUser users, ClaimsPrincipal principal)
    {
        var (group, _) = await LoadAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        try
        {
            await membership.LeaveAsync(group, await users.GetAsync(principal));
            return Results.NoContent();
        }
        catch (GroupRuleException refusal) { return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict); }
    }

    static async Task<IResult> InvitationsAsync(string slug, PlenumDb db, ClaimsPrincipal principal)
    {
        var (group, membership) = await LoadAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        if (!GroupMembership.MayInvite(group, membership)) return ApiProblems.Refused("You may not invite people to this group.", StatusCodes.Status403Forbidden);
        var invitations = await db.Invitations.Where(i => i.GroupId == group.Id).OrderByDescending(i => i.CreatedAt).ToListAsync();
        return Results.Ok(invitations.Select(i => new InvitationDto(i.Id, i.ExpiresAt, i.MaxUses, i.Uses, i.RevokedAt is not null, null)));
    }

    static async Task<IResult> InviteAsync(string slug, InvitationRequest request, PlenumDb db, InviteLinks links, ClaimsPrincipal principal, HttpContext http)
    {
        var (group, membership) = await LoadAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        if (!GroupMembership.MayInvite(group, membership)) return ApiProblems.Refused("You may not invite people to this group.", StatusCodes.Status403Forbidden);
        var errors = new Dictionary<string, string[]>();
        if (request.ValidDays is < 1 or > 90) errors[nameof(request.ValidDays)] = ["An invite link is valid for 1 to 90 days."];
        if (request.MaxUses is < 1 or > 1000) errors[nameof(request.MaxUses)] = ["The use limit must be between 1 and 1000."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var created = await links.CreateAsync(group.Id, UserId(principal), TimeSpan.FromDays(request.ValidDays), request.MaxUses);
        var i = created.Invitation;
        return Results.Created($"/api/v1/groups/{slug}/invitations/{i.Id}",
            new InvitationDto(i.Id, i.ExpiresAt, i.MaxUses, i.Uses, false, $"{http.Request.Scheme}://{http.Request.Host}{created.Path}"));
    }

    static async Task<IResult> RevokeAsync(string slug, Guid id, PlenumDb db, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (group, membership) = await LoadAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        if (!GroupMembership.MayInvite(group, membership)) return ApiProblems.Refused("You may not manage invite links here.", StatusCodes.Status403Forbidden);
        var revoked = await db.Invitations.Where(i => i.Id == id && i.GroupId == group.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, clock.GetUtcNow()));
        return revoked == 0 ? ApiProblems.NotFound("invite link") : Results.NoContent();
    }

    static async Task<IResult> AcceptAsync(AcceptRequest request, InviteLinks links, GroupMembership membership, CurrentUser users, ClaimsPrincipal principal)
    {
        var invitation = string.IsNullOrWhiteSpace(request.Invite) ? null : await links.FindUsableAsync(request.Invite.Trim());
        if (invitation?.GroupId is null) return ApiProblems.Refused("This invite link is unknown, expired, revoked or used up.", StatusCodes.Status404NotFound);
        try
        {
            await membership.JoinWithInvitationAsync(invitation, await users.GetAsync(principal));
            return Results.Ok(ToDto(invitation.Group!, new Membership { Role = GroupRole.Member }));
        }
        catch (GroupRuleException refusal) { return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict); }
    }
}
