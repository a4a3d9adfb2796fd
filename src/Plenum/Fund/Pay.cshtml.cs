using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Counting.Proposals;
using Plenum.Data;

namespace Plenum.Fund;

/// <summary>The treasurer pays out: under an adopted spending decision, or within the rulebook's limit without a vote.</summary>
public sealed class PayModel(PlenumDb db, UserManager<User> users, FundLedger ledger, SpendingProposals proposals, Decisions.DecisionCloser closer, TimeProvider clock)
    : FundPageModel(db, users, ledger, clock)
{
    public sealed record Adopted(Guid Id, string Title, long Left);

    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Recipient { get; set; }
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty] public Guid? DecisionId { get; set; }
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<Adopted> Decisions { get; private set; } = [];
    public long Balance { get; private set; }
    public long LimitWithoutVote { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? decision)
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        Date = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        if (Decisions.FirstOrDefault(d => d.Id == decision) is { } chosen)
        {
            DecisionId = chosen.Id;
            Amount = Money.Plain(chosen.Left, Currency);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        try
        {
            var entry = await Ledger.DisburseAsync(Group, Me!.Id, new DisbursementDraft(Amount, Date, Category, Recipient, Anonymous, DecisionId, Note));
            TempData["Notice"] = $"Paid out as entry #{entry.Number}. Add the receipt below.";
            return Redirect($"{Path}/entries/{entry.Number}");
        }
        catch (FundRuleException refusal)
        {
            return Refuse(refusal);
        }
    }

    async Task<IActionResult?> LoadFormAsync()
    {
        var denied = await LoadFundAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Account is null) return Redirect(Path);
        if (!Access.MayDisburse) return Forbid();
        await closer.CloseDueInGroupAsync(Group.Id, Clock.GetUtcNow());
        var state = await Ledger.StateAsync(Group.Id);
        Balance = state.Balance;
        LimitWithoutVote = await Ledger.LimitWithoutVoteAsync(Group.Id, Currency);
        Decisions = [.. (await proposals.ListAsync(Group.Id))
            .Where(s => s.Decision.Result == ProposalResult.Passed && s.Proposal.Currency == Currency)
            .Select(s => new Adopted(s.Decision.Id, s.Decision.Title, s.Proposal.Amount - state.PaidFor(s.Decision.Id)))
            .Where(a => a.Left > 0)];
        return null;
    }
}
