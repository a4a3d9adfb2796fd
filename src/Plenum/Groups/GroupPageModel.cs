using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Infrastructure;

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

    /// <summary>
    /// Whether this page is shown again because the form posted to <paramref name="handler"/> was refused
    /// (for a form repeated per item, the one whose route value is <paramref name="key"/>): it stays open.
    /// </summary>
    public bool WasRefused(string handler, object? key = null) =>
        !ModelState.IsValid && HttpMethods.IsPost(Request.Method)
        && string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase)
        && (key is null || Request.Query.Any(q => q.Value == key.ToString()));

    /// <summary>What was typed into <paramref name="field"/> of a refused form, to show it again; null otherwise.</summary>
    public string? Typed(string handler, string field, object? key = null) =>
        WasRefused(handler, key) && Request.HasFormContentType ? Request.Form[field].ToString() : null;

    /// <summary>
    /// Runs a form's action for a person in the group (an instance admin who is not a member gets 403;
    /// an archived group changes no more): a refusal shows the page again with its message and the
    /// form open, success redirects to <paramref name="then"/> with the notice.
    /// </summary>
    protected Task<IActionResult> ActAsync(Func<Task> action, Func<Task<IActionResult>> showAgain, string then, string? notice = null) =>
        ActAsync(action, showAgain, () => then, notice);

    /// <summary>As above, for a page that knows where to go only after the action (the record it created).</summary>
    protected async Task<IActionResult> ActAsync(Func<Task> action, Func<Task<IActionResult>> showAgain, Func<string> then, string? notice = null)
    {
        var denied = await LoadForActionAsync();
        if (denied is not null) return denied;
        if (Membership?.UserId is null) return Forbid();
        try
        {
            if (Group.IsArchived) throw new GroupRuleException("The group is archived: nothing here changes any more.");
            await action();
        }
        catch (RuleException refusal)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", refusal.Message);
            return await showAgain();
        }
        if (notice is not null) TempData["Notice"] = notice;
        return Redirect(then());
    }

    /// <summary>Loads what the page's actions need: the group, for members; a page about one thing in it loads that too.</summary>
    protected virtual Task<IActionResult?> LoadForActionAsync() => LoadAsync(membersOnly: true);

    protected IActionResult Refused(GroupRuleException refusal)
    {
        ModelState.AddModelError("", refusal.Message);
        return Page();
    }
}
