using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Alerts;

/// <summary>Base for a member's own rapid response pages (profile, live alerts): signed-in members of a group that runs a network.</summary>
public abstract class ResponderPageModel(PlenumDb db, UserManager<User> users, AlertNetworks networks) : GroupPageModel(db, users)
{
    protected AlertNetworks Networks => networks;
    public AlertNetwork Network { get; private set; } = null!;

    protected async Task<IActionResult?> LoadNetworkAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Me is null) return Challenge();
        if (await networks.SettingsAsync(Group.Id) is not { } network) return NotFound();
        Network = network;
        return null;
    }

    protected override Task<IActionResult?> LoadForActionAsync() => LoadNetworkAsync();

    /// <summary>Runs an alert action like <see cref="GroupPageModel.ActAsync"/>; a refusal by the network's rules is shown above the form.</summary>
    protected Task<IActionResult> AlertActAsync(Func<Task> action, Func<Task<IActionResult>> showAgain, string then, string? notice = null) =>
        ActAsync(async () =>
        {
            try { await action(); }
            catch (AlertRuleException refusal) { throw new GroupRuleException(refusal.Message); }
        }, showAgain, then, notice);
}
