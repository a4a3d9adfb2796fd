using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Alerts;

/// <summary>Base for the members' rapid response pages: signed-in members only, with the visitor's duties in the network.</summary>
public abstract class AlertPageModel(PlenumDb db, UserManager<User> users, AlertNetworks networks) : GroupPageModel(db, users)
{
    protected AlertNetworks Networks => networks;
    public AlertNetwork? Network { get; private set; }
    public AlertDuty Duties { get; private set; }
    public bool IsDispatcher => Duties.HasFlag(AlertDuty.Dispatcher);
    public bool IsVerifier => Duties.HasFlag(AlertDuty.Verifier);
    public bool IsLegal => Duties.HasFlag(AlertDuty.Legal);
    /// <summary>Sees unverified reports and the desk: verifiers and dispatchers only, never plain responders.</summary>
    public bool IsDesk => IsDispatcher || IsVerifier;
    public string AlertsPath => $"/groups/{Group.Slug}/alerts";

    /// <summary>Null when the page may be shown; with <paramref name="needsNetwork"/>, a group without a network answers 404.</summary>
    protected async Task<IActionResult?> LoadAlertsAsync(bool needsNetwork = true)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Me is null) return Challenge();
        Network = await networks.SettingsAsync(Group.Id);
        if (needsNetwork && Network is null) return NotFound();
        Duties = await networks.DutiesAsync(Group.Id, Me.Id);
        return null;
    }

    /// <summary>
    /// Runs a form's action after <paramref name="load"/>: a refusal shows the page again with its message
    /// (nothing half-saved), success redirects to <paramref name="then"/> with the notice.
    /// </summary>
    protected async Task<IActionResult> AlertActAsync(Func<Task<IActionResult?>> load, Func<Task> action, Func<string> then, string notice)
    {
        var denied = await load();
        if (denied is not null) return denied;
        try
        {
            if (Group.IsArchived) throw new AlertRuleException("The group is archived: nothing here changes any more.");
            await action();
        }
        catch (AlertRuleException refusal)
        {
            Db.ChangeTracker.Clear();
            ModelState.AddModelError("", refusal.Message);
            return await load() ?? Page();
        }
        TempData["Notice"] = notice;
        return Redirect(then());
    }
}
