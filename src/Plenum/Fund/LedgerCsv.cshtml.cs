using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Fund;

/// <summary>The ledger as a CSV file, with the same rows everyone who may see the ledger sees.</summary>
public sealed class LedgerCsvModel(PlenumDb db, UserManager<User> users, FundLedger ledger, TimeProvider clock) : FundPageModel(db, users, ledger, clock)
{
    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadFundAsync();
        if (denied is not null) return denied;
        if (Account is null) return NotFound();
        var state = await Ledger.StateAsync(Group.Id);
        var csv = FundCsv.Write(LedgerRow.From(state, await NamesAsync(state), Access.MaySeeNames), Currency);
        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{Group.Slug}-fund-{Clock.GetUtcNow():yyyy-MM-dd}.csv");
    }
}
