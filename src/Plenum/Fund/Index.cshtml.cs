using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;

namespace Plenum.Fund;

/// <summary>The fund: balance, open pledges, spending decisions and the whole ledger.</summary>
public sealed class IndexModel(PlenumDb db, UserManager<User> users, FundLedger ledger, SpendingProposals proposals, DecisionCloser closer, TimeProvider clock)
    : FundPageModel(db, users, ledger, clock)
{
    public sealed record SpendingView(Decision Decision, long Amount, long Paid);

    public LedgerState State { get; private set; } = new([]);
    public IReadOnlyList<LedgerRow> Rows { get; private set; } = [];
    public IReadOnlyList<SpendingView> Spending { get; private set; } = [];
    public long LimitWithoutVote { get; private set; }
    [BindProperty] public string? StartCurrency { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadFundAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostStartAsync()
    {
        var denied = await LoadFundAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!Access.MayRecordIncome) return Forbid();
        try
        {
            await Ledger.OpenAsync(Group, StartCurrency);
        }
        catch (FundRuleException refusal)
        {
            ModelState.AddModelError(nameof(StartCurrency), refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "The fund is started.";
        return Redirect(Path);
    }

    async Task<IActionResult> ShowAsync()
    {
        if (Account is null) return Page();
        // So a spending decision past its deadline shows adopted or not, even before the housekeeping job has run.
        await closer.CloseDueInGroupAsync(Group.Id, Clock.GetUtcNow());
        State = await Ledger.StateAsync(Group.Id);
        Rows = [.. LedgerRow.From(State, await NamesAsync(State), Access.MaySeeNames).Reverse()];
        LimitWithoutVote = await Ledger.LimitWithoutVoteAsync(Group.Id, Currency);
        Spending = [.. (await proposals.ListAsync(Group.Id)).Select(s => new SpendingView(s.Decision, s.Proposal.Amount, State.PaidFor(s.Decision.Id)))];
        return Page();
    }
}
