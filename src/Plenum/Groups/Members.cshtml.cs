using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Groups;

public sealed class MembersModel(PlenumDb db, UserManager<User> users, GroupMembership membership, Decisions.Rulebooks rulebooks) : GroupPageModel(db, users)
{
    public List<Membership> Members { get; private set; } = [];
    public List<GroupLogEntry> Log { get; private set; } = [];
    /// <summary>Whether any class of the group's current rulebook weighs votes, so weights matter here.</summary>
    public bool WeightsMatter { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(membersOnly: true) ?? await ShowAsync();

    public async Task<IActionResult> OnPostRemoveAsync(Guid member, string? reason)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!IsCoordinator) return Forbid();
        try
        {
            await membership.RemoveAsync(Group, member, Me!, reason ?? "");
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "The member was removed; the removal is in the group log.";
        return Redirect($"/groups/{Group.Slug}/members");
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid member, GroupRole role)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!IsCoordinator) return Forbid();
        try
        {
            await membership.SetRoleAsync(Group, member, role, Me!);
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "Role changed; the change is in the group log.";
        return Redirect($"/groups/{Group.Slug}/members");
    }

    /// <summary>A blank weight is refused rather than read as 0, which would silently take away the member's vote.</summary>
    public async Task<IActionResult> OnPostWeightAsync(Guid member, int? weight)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!IsCoordinator) return Forbid();
        try
        {
            await membership.SetVoteWeightAsync(Group, member, weight ?? throw new GroupRuleException("Give the vote weight: a whole number from 0 to 1,000,000."), Me!);
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "Vote weight changed; the change is in the group log.";
        return Redirect($"/groups/{Group.Slug}/members");
    }

    async Task<IActionResult> ShowAsync()
    {
        var rulebook = await rulebooks.CurrentAsync(Group.Id);
        WeightsMatter = rulebook?.Classes.Any(c => c.WeightedVotes) == true;
        Members = await Db.Memberships.Where(m => m.GroupId == Group.Id).Include(m => m.User).Include(m => m.MemberGroup)
            .OrderByDescending(m => m.Role == GroupRole.Coordinator).ThenBy(m => m.JoinedAt).ToListAsync();
        Log = await Db.GroupLog.Where(e => e.GroupId == Group.Id).Include(e => e.Actor)
            .OrderByDescending(e => e.At).Take(50).ToListAsync();
        return Page();
    }
}
