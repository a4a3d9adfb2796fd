using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Aid;

/// <summary>Base for the members' aid pages: signed-in members of the group only, with what the visitor may do in mutual aid.</summary>
public abstract class AidPageModel(PlenumDb db, UserManager<User> users, AidGroups aid) : GroupPageModel(db, users)
{
    protected AidGroups Aid => aid;
    public AidSettings? Settings { get; private set; }
    public bool IsDispatcher { get; private set; }
    public bool IsVetted { get; private set; }
    public AidViewer Viewer => new(Me!.Id, IsDispatcher, IsVetted, false);

    /// <summary>Null when the page may be shown; with <paramref name="needsAid"/>, a group without mutual aid answers 404.</summary>
    protected async Task<IActionResult?> LoadAidAsync(bool needsAid = true)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Me is null) return Challenge();
        Settings = await aid.SettingsAsync(Group.Id);
        if (needsAid && Settings is null) return NotFound();
        IsDispatcher = IsCoordinator || await aid.IsDispatcherAsync(Group.Id, Me.Id);
        IsVetted = await aid.IsVettedAsync(Group.Id, Me.Id);
        return null;
    }

    protected IActionResult Refused(AidRuleException refusal)
    {
        ModelState.AddModelError("", refusal.Message);
        return Page();
    }
}
