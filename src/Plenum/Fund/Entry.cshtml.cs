using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Discussions;

namespace Plenum.Fund;

/// <summary>One ledger entry: its details, receipts, and the corrections that may follow it (reversal, withdrawing a pledge).</summary>
public sealed class EntryModel(PlenumDb db, UserManager<User> users, FundLedger ledger, FundReceipts receipts, TimeProvider clock)
    : FundPageModel(db, users, ledger, clock)
{
    [FromRoute] public int Number { get; set; }
    public FundEntry Entry { get; private set; } = null!;
    public LedgerRow Row { get; private set; } = null!;
    public LedgerState State { get; private set; } = null!;
    /// <summary>Only for the treasurer in office, and only for an anonymous payment.</summary>
    public string? Recipient { get; private set; }
    public IReadOnlyList<FundReceipt> Receipts { get; private set; } = [];
    public string? Decision { get; private set; }
    public string ReceiptLimits => receipts.LimitsInWords;

    public bool MayReverse => !Group.IsArchived && State.Counts(Entry) && (Entry.Kind == FundEntryKind.Disbursement ? Access.MayDisburse
        : Entry.Kind == FundEntryKind.Contribution && Access.MayRecordIncome);
    public bool MayWithdraw => !Group.IsArchived && State.IsOpenPledge(Entry) && (Access.MayRecordIncome || Entry.MemberId == Me?.Id);
    public bool MayAttach => Entry.Kind is FundEntryKind.Contribution or FundEntryKind.Pledge or FundEntryKind.Disbursement
        && (Entry.Kind == FundEntryKind.Disbursement ? Access.MayDisburse : Access.MayRecordIncome);
    public bool MayOpenReceipts => FundReceipts.MayOpen(Entry, Access);

    public async Task<IActionResult> OnGetAsync() => await LoadEntryAsync() ?? Page();

    public async Task<IActionResult> OnGetReceiptAsync(Guid receipt)
    {
        var denied = await LoadEntryAsync();
        if (denied is not null) return denied;
        if (!MayOpenReceipts) return NotFound();
        var file = await Db.FundReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == receipt && r.EntryId == Entry.Id);
        if (file is null) return NotFound();
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(AttachmentTypes.IsImage(file.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(receipts.Open(file), file.ContentType);
    }

    public Task<IActionResult> OnPostReverseAsync(string? reason) => ActAsync(() => MayReverse, async () =>
        await Ledger.ReverseAsync(Group, Me!.Id, Entry.Id, reason), n => $"Reversed by entry #{n}.");

    public Task<IActionResult> OnPostWithdrawAsync(string? reason) => ActAsync(() => MayWithdraw, async () =>
        await Ledger.WithdrawPledgeAsync(Group, Me!.Id, Entry.Id, reason), n => $"The pledge is withdrawn (entry #{n}).");

    public async Task<IActionResult> OnPostReceiptAsync(IFormFile? file)
    {
        var denied = await LoadEntryAsync();
        if (denied is not null) return denied;
        if (!MayAttach) return Forbid();
        try
        {
            await receipts.AttachAsync(Entry, Me!.Id, file);
        }
        catch (FundRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
        TempData["Notice"] = "The receipt is stored, encrypted.";
        return Redirect($"{Path}/entries/{Number}");
    }

    async Task<IActionResult> ActAsync(Func<bool> allowed, Func<Task<FundEntry>> action, Func<int, string> notice)
    {
        var denied = await LoadEntryAsync();
        if (denied is not null) return denied;
        if (!allowed()) return Forbid();
        try
        {
            var added = await action();
            TempData["Notice"] = notice(added.Number);
        }
        catch (FundRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
        return Redirect($"{Path}/entries/{Number}");
    }

    async Task<IActionResult?> LoadEntryAsync()
    {
        var denied = await LoadFundAsync();
        if (denied is not null) return denied;
        if (Account is null) return NotFound();
        State = await Ledger.StateAsync(Group.Id);
        var entry = State.Entries.FirstOrDefault(e => e.Number == Number);
        if (entry is null) return NotFound();
        Entry = entry;
        Row = LedgerRow.From(State, await NamesAsync(State), Access.MaySeeNames).Single(r => r.Id == entry.Id);
        if (entry.AnonymousRecipient && Access.MaySeeRecipients)
            Recipient = await Db.AnonymousRecipients.Where(r => r.EntryId == entry.Id).Select(r => r.Name).FirstOrDefaultAsync() ?? "(name deleted after the retention period)";
        Receipts = await Db.FundReceipts.AsNoTracking().Where(r => r.EntryId == entry.Id).OrderBy(r => r.UploadedAt)
            .Select(r => new FundReceipt { Id = r.Id, FileName = r.FileName, Size = r.Size, ContentType = r.ContentType, UploadedAt = r.UploadedAt }).ToListAsync();
        if (entry.DecisionId is { } decisionId) Decision = await Db.Decisions.Where(d => d.Id == decisionId).Select(d => d.Title).FirstOrDefaultAsync();
        return null;
    }
}
