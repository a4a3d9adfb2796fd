using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Fund;

/// <summary>
/// Base for the fund pages: signed-in people only; a closed group's fund for its members only
/// (<see cref="GroupPageModel"/> answers 404 to others), an open group's ledger for anyone signed in, without members' names.
/// </summary>
public abstract class FundPageModel(PlenumDb db, UserManager<User> users, FundLedger ledger, TimeProvider clock) : GroupPageModel(db, users)
{
    protected FundLedger Ledger => ledger;
    protected TimeProvider Clock => clock;
    public FundAccount? Account { get; private set; }
    public FundAccess Access { get; private set; } = new(false, false, false);
    public string Currency => Account?.Currency ?? "";
    public string Path => $"/groups/{Group.Slug}/fund";

    protected async Task<IActionResult?> LoadFundAsync(bool membersOnly = false)
    {
        var denied = await LoadAsync(membersOnly);
        if (denied is not null) return denied;
        if (Me is null) return Challenge();
        Account = await ledger.AccountAsync(Group.Id);
        Access = await FundAccess.ForAsync(Db, Group, Membership, clock.GetUtcNow());
        return null;
    }

    /// <summary>Pseudonyms of the members an entry names.</summary>
    protected async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(LedgerState state)
    {
        var ids = state.Entries.SelectMany(e => new[] { e.MemberId, e.RecordedById }).OfType<Guid>().Distinct().ToList();
        var people = await Db.Users.Where(u => ids.Contains(u.Id)).ToListAsync();
        return people.ToDictionary(u => u.Id, u => u.DisplayName);
    }

    public string Show(long minor) => Money.Format(minor, Currency);

    protected IActionResult Refuse(FundRuleException refusal)
    {
        Db.ChangeTracker.Clear();
        ModelState.AddModelError("", refusal.Message);
        return Page();
    }
}
