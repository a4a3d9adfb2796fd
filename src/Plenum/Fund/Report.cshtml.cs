using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Fund;

/// <summary>Income and spending month by month and by purpose.</summary>
public sealed class ReportModel(PlenumDb db, UserManager<User> users, FundLedger ledger, TimeProvider clock) : FundPageModel(db, users, ledger, clock)
{
    public FundReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadFundAsync();
        if (denied is not null) return denied;
        if (Account is null) return Redirect(Path);
        Report = FundReport.Of(await Ledger.StateAsync(Group.Id));
        return Page();
    }
}
