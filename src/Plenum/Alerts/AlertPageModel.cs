using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Alerts;

/// <summary>Base for the rapid response pages: signed-in members only, with the network and the visitor's duties in it.</summary>
public abstract class AlertPageModel(PlenumDb db, UserManager<User> users, AlertNetworks networks) : GroupPageModel(db, users)
{
    protected AlertNetworks Networks => networks;
    /// <summary>Null only on the pages that also serve a group without a network (the start page, the settings).</summary>
    public AlertNetwork? Network { get; private set; }
    public AlertDuty Duties { get; private set; }
    public bool IsDispatcher => Duties.HasFlag(AlertDuty.Dispatcher);
    public bool IsVerifier => Duties.HasFlag(AlertDuty.Verifier);
    public bool IsLegal => Duties.HasFlag(AlertDuty.Legal);
    /// <summary>Sees unverified reports and the desk: verifiers and dispatchers only, never plain responders.</summary>
    public bool IsDesk => IsDispatcher || IsVerifier;
    public string AlertsPath => $"/groups/{Slug}/alerts";

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

    protected override Task<IActionResult?> LoadForActionAsync() => LoadAlertsAsync();
}
