using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Fund;

/// <summary>Money in or promised. The treasurer and coordinators record anyone's; other members pledge in their own name.</summary>
public sealed class RecordModel(PlenumDb db, UserManager<User> users, FundLedger ledger, TimeProvider clock) : FundPageModel(db, users, ledger, clock)
{
    [BindProperty] public bool IsPledge { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public FundSource Source { get; set; } = FundSource.Member;
    [BindProperty] public Guid? MemberId { get; set; }
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid? PledgeId { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];
    public IReadOnlyList<LedgerRow> OpenPledges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? pledge)
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        Date = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        MemberId = Me!.Id;
        if (OpenPledges.FirstOrDefault(p => p.Id == pledge) is { } chosen)
        {
            PledgeId = chosen.Id;
            Amount = Money.Plain(chosen.Pledged, Currency);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        // Without the treasurer's or a coordinator's say, a member only promises, and only in their own name.
        if (!Access.MayRecordIncome && (!IsPledge || Source != FundSource.Member || MemberId != Me!.Id))
            return Refuse(new FundRuleException("Only the treasurer or a coordinator records money received; you can pledge in your own name."));
        try
        {
            var entry = IsPledge
                ? await Ledger.PledgeAsync(Group, Me!.Id, new PledgeDraft(Amount, Date, Source, MemberId, Party, Note))
                : await Ledger.ContributeAsync(Group, Me!.Id, new ContributionDraft(Amount, Date, Source, MemberId, Party, Category, Note, PledgeId));
            TempData["Notice"] = $"Recorded as entry #{entry.Number}.";
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
        var members = await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId != null).Select(m => m.User!).ToListAsync();
        Members = [.. members.Select(u => (u.Id, u.DisplayName)).OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase)];
        if (Access.MayRecordIncome)
        {
            var state = await Ledger.StateAsync(Group.Id);
            var rows = LedgerRow.From(state, await NamesAsync(state), true);
            OpenPledges = [.. rows.Where(r => state.OpenPledges.Any(p => p.Id == r.Id))];
        }
        return null;
    }
}
