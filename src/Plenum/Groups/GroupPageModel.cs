using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Groups;

/// <summary>
/// Base for pages under /groups/{slug}: loads the group and the visitor's membership once.
/// A closed group answers 404 to outsiders, so its existence is not revealed.
/// </summary>
public abstract class GroupPageModel(PlenumDb db, UserManager<User> users) : PageModel
{
    protected PlenumDb Db => db;
    [FromRoute] public string Slug { get; set; } = "";
    public Group Group { get; private set; } = null!;
    public Membership? Membership { get; private set; }
    public User? Me { get; private set; }
    public bool IsMember => Membership is not null;
    public bool IsCoordinator => Membership?.Role == GroupRole.Coordinator || Me?.IsInstanceAdmin == true;
    public bool MayInvite => GroupMembership.MayInvite(Group, Membership);

    /// <summary>Null when the page may be shown; otherwise the result to return.</summary>
    protected async Task<IActionResult?> LoadAsync(bool membersOnly = false)
    {
        var group = await db.Groups.Include(g => g.Parent).FirstOrDefaultAsync(g => g.Slug == Slug);
        Me = await users.GetUserAsync(User);
        if (group is null) return NotFound();
        Group = group;
        Membership = Me is null ? null : await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == Me.Id);
        if (Membership is null && Me is not null) Membership = await Federations.FederationMembership.AsDelegateAsync(db, group, Me.Id);
        if ((group.IsClosed || membersOnly) && Membership is null && Me?.IsInstanceAdmin != true)
            return Me is null ? Challenge() : NotFound();
        return null;
    }

    protected IActionResult Refused(GroupRuleException refusal)
    {
        ModelState.AddModelError("", refusal.Message);
        return Page();
    }
}
