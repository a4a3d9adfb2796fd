using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;

namespace Plenum.Fund;

/// <summary>Any member proposes spending; it goes to the group as a decision of the rulebook's money class.</summary>
public sealed class ProposeModel(PlenumDb db, UserManager<User> users, FundLedger ledger, SpendingProposals proposals, Rulebooks rulebooks, TimeProvider clock)
    : FundPageModel(db, users, ledger, clock)
{
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Why { get; set; }
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public bool Secret { get; set; }
    public DecisionClass? Rules { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        if (Rules is not null) ClosesAt = Clock.GetUtcNow().UtcDateTime.AddHours(Math.Max(Rules.MinVotingHours, 72)).Date.AddHours(18);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        if (ClosesAt is null) return Refuse(new FundRuleException("Give the date and time voting closes."));
        try
        {
            var decision = await proposals.ProposeAsync(Group, Membership!, Amount, Purpose, Why,
                new DateTimeOffset(DateTime.SpecifyKind(ClosesAt.Value, DateTimeKind.Utc)), Secret);
            TempData["Notice"] = "Your spending proposal is open for the group to decide.";
            return Redirect($"/groups/{Group.Slug}/decisions/{decision.Id}");
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
        if (await rulebooks.CurrentAsync(Group.Id) is { } rulebook)
        {
            try { Rules = rulebook.Class(await proposals.ClassKeyAsync(Group.Id)); }
            catch (FundRuleException) { Rules = null; }
        }
        return null;
    }
}
