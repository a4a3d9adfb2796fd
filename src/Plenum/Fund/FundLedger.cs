using Microsoft.EntityFrameworkCore;
using Plenum.Counting.Proposals;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Fund;

/// <summary>Reads a group's ledger and appends to it, checking every rule first so a refused entry writes nothing.</summary>
public sealed class FundLedger(PlenumDb db, TimeProvider clock, Rulebooks rulebooks, DecisionCloser closer)
{
    public const int MaxCategoryLength = 100;
    public const int MaxPartyLength = 200;
    public const int MaxNoteLength = 1000;

    public Task<FundAccount?> AccountAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        db.FundAccounts.FirstOrDefaultAsync(a => a.GroupId == groupId, cancellationToken);

    public async Task<LedgerState> StateAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        new(await db.FundEntries.AsNoTracking().Where(e => e.GroupId == groupId).OrderBy(e => e.Number).ToListAsync(cancellationToken));

    /// <summary>Starts the fund in a currency, or changes the currency while nothing is recorded yet.</summary>
    public async Task<FundAccount> OpenAsync(Group group, string? currency, CancellationToken cancellationToken = default)
    {
        var code = (currency ?? "").Trim().ToUpperInvariant();
        if (!Money.IsCurrencyCode(code)) throw new FundRuleException("Give the currency as its three-letter code, such as EUR, USD or MXN.");
        var account = await AccountAsync(group.Id, cancellationToken);
        if (account is not null && account.Currency != code && await db.FundEntries.AnyAsync(e => e.GroupId == group.Id, cancellationToken))
            throw new FundRuleException("The currency is fixed once the ledger has entries.");
        if (account is null) db.FundAccounts.Add(account = new FundAccount { GroupId = group.Id, Currency = code, OpenedAt = clock.GetUtcNow() });
        else account.Currency = code;
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>The most the treasurer may pay out without a decision, in minor units, under the rulebook in force.</summary>
    public async Task<long> LimitWithoutVoteAsync(Guid groupId, string currency, CancellationToken cancellationToken = default)
    {
        var rulebook = await rulebooks.CurrentAsync(groupId, cancellationToken);
        return (rulebook?.Class(SpendingProposals.SpendingClass)?.SpendWithoutVoteUpTo ?? 0) * Money.MinorPerWhole(currency);
    }

    public async Task<FundEntry> ContributeAsync(Group group, Guid recorderId, ContributionDraft draft, CancellationToken cancellationToken = default)
    {
        var (account, state) = await LoadAsync(group, cancellationToken);
        var entry = NewEntry(group, recorderId, FundEntryKind.Contribution, Money.Parse(draft.Amount, account.Currency), draft.Date);
        await SetSourceAsync(group, entry, draft.Source, draft.MemberId, draft.Party, cancellationToken);
        entry.Category = Optional(draft.Category, MaxCategoryLength, "The category");
        entry.Note = Optional(draft.Note, MaxNoteLength, "The note");
        if (draft.PledgeId is { } pledgeId)
        {
            var pledge = state.Entries.FirstOrDefault(e => e.Id == pledgeId && e.Kind == FundEntryKind.Pledge)
                ?? throw new FundRuleException("There is no such pledge in this fund.");
            if (!state.IsOpenPledge(pledge)) throw new FundRuleException($"Pledge #{pledge.Number} is {state.PledgeStatus(pledge)} already.");
            entry.PledgeId = pledgeId;
        }
        return await AppendAsync(entry, state, cancellationToken);
    }

    public async Task<FundEntry> PledgeAsync(Group group, Guid recorderId, PledgeDraft draft, CancellationToken cancellationToken = default)
    {
        var (account, state) = await LoadAsync(group, cancellationToken);
        var entry = NewEntry(group, recorderId, FundEntryKind.Pledge, Money.Parse(draft.Amount, account.Currency), draft.Date, allowFuture: true);
        await SetSourceAsync(group, entry, draft.Source, draft.MemberId, draft.Party, cancellationToken);
        entry.Note = Optional(draft.Note, MaxNoteLength, "The note");
        return await AppendAsync(entry, state, cancellationToken);
    }

    public async Task<FundEntry> WithdrawPledgeAsync(Group group, Guid recorderId, Guid pledgeId, string? note, CancellationToken cancellationToken = default)
    {
        var (_, state) = await LoadAsync(group, cancellationToken);
        var pledge = state.Entries.FirstOrDefault(e => e.Id == pledgeId && e.Kind == FundEntryKind.Pledge)
            ?? throw new FundRuleException("There is no such pledge in this fund.");
        if (!state.IsOpenPledge(pledge)) throw new FundRuleException($"Pledge #{pledge.Number} is {state.PledgeStatus(pledge)} already.");
        var entry = NewEntry(group, recorderId, FundEntryKind.PledgeWithdrawn, pledge.Amount, null);
        entry.PledgeId = pledgeId;
        entry.Note = Optional(note, MaxNoteLength, "The note");
        return await AppendAsync(entry, state, cancellationToken);
    }

    public async Task<FundEntry> DisburseAsync(Group group, Guid recorderId, DisbursementDraft draft, CancellationToken cancellationToken = default)
    {
        var (account, state) = await LoadAsync(group, cancellationToken);
        var amount = Money.Parse(draft.Amount, account.Currency);
        var entry = NewEntry(group, recorderId, FundEntryKind.Disbursement, amount, draft.Date);
        entry.Category = Required(draft.Category, MaxCategoryLength, "The purpose", "Say what the money is for.");
        entry.Note = Optional(draft.Note, MaxNoteLength, "The note");
        var recipient = Required(draft.Recipient, MaxPartyLength, "The recipient", "Say who receives the money (kept for the treasurer alone when anonymous).");
        entry.AnonymousRecipient = draft.Anonymous;
        if (!draft.Anonymous) entry.Party = recipient;
        if (amount > state.Balance)
            throw new FundRuleException($"The fund holds {Money.Format(state.Balance, account.Currency)}: it cannot pay out {Money.Format(amount, account.Currency)}.");
        if (draft.DecisionId is { } decisionId)
        {
            entry.DecisionId = decisionId;
            await CheckDecisionAsync(group, account, state, decisionId, amount, cancellationToken);
        }
        else
        {
            var limit = await LimitWithoutVoteAsync(group.Id, account.Currency, cancellationToken);
            if (amount > limit)
                throw new FundRuleException(limit == 0
                    ? "Under the group's rulebook every payment needs an adopted spending decision: propose the spending first, then link the payment to it."
                    : $"Under the group's rulebook the treasurer pays out up to {Money.Format(limit, account.Currency)} without a vote; this needs an adopted spending decision: propose it first, then link the payment to it.");
        }
        if (draft.Anonymous) db.AnonymousRecipients.Add(new AnonymousRecipient { EntryId = entry.Id, Name = recipient, RecordedAt = entry.RecordedAt });
        return await AppendAsync(entry, state, cancellationToken);
    }

    async Task CheckDecisionAsync(Group group, FundAccount account, LedgerState state, Guid decisionId, long amount, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == decisionId && d.GroupId == group.Id, cancellationToken);
        var proposal = await db.SpendingProposals.FirstOrDefaultAsync(p => p.DecisionId == decisionId, cancellationToken);
        if (decision is null || proposal is null) throw new FundRuleException("Link the payment to one of this group's spending decisions.");
        await closer.CloseIfDueAsync(decision, clock.GetUtcNow(), cancellationToken);
        if (decision.Status != DecisionStatus.Closed) throw new FundRuleException($"“{decision.Title}” is still being decided; pay out once it is adopted.");
        if (decision.Result != ProposalResult.Passed) throw new FundRuleException($"“{decision.Title}” was not adopted, so nothing may be paid out under it.");
        if (proposal.Currency != account.Currency) throw new FundRuleException($"“{decision.Title}” was adopted in {proposal.Currency}, but the fund keeps {account.Currency}.");
        var left = proposal.Amount - state.PaidFor(decisionId);
        if (amount > left)
            throw new FundRuleException($"“{decision.Title}” allows {Money.Format(proposal.Amount, account.Currency)}; {Money.Format(left, account.Currency)} of it is left to pay out.");
    }

    /// <summary>Undoes a contribution or disbursement by a reversing entry; refused if it would leave the fund below zero.</summary>
    public async Task<FundEntry> ReverseAsync(Group group, Guid recorderId, Guid entryId, string? reason, CancellationToken cancellationToken = default)
    {
        var (account, state) = await LoadAsync(group, cancellationToken);
        var original = state.Entries.FirstOrDefault(e => e.Id == entryId) ?? throw new FundRuleException("There is no such entry in this fund.");
        if (original.Kind is not (FundEntryKind.Contribution or FundEntryKind.Disbursement))
            throw new FundRuleException(original.Kind == FundEntryKind.Pledge ? "A pledge is not reversed but withdrawn." : "Only contributions and payments can be reversed.");
        if (!state.Counts(original)) throw new FundRuleException($"Entry #{original.Number} is reversed already.");
        if (state.Balance - original.BalanceEffect < 0)
            throw new FundRuleException($"Reversing entry #{original.Number} would leave the fund below zero ({Money.Format(state.Balance - original.BalanceEffect, account.Currency)}); reverse the payments made from it first.");
        var entry = NewEntry(group, recorderId, FundEntryKind.Reversal, original.Amount, null);
        entry.ReversesId = original.Id;
        entry.Note = Required(reason, MaxNoteLength, "The reason", "Say why the entry is reversed.");
        return await AppendAsync(entry, state, cancellationToken);
    }

    async Task<(FundAccount Account, LedgerState State)> LoadAsync(Group group, CancellationToken cancellationToken)
    {
        if (group.IsArchived) throw new FundRuleException("The group is archived; its ledger is closed.");
        var account = await AccountAsync(group.Id, cancellationToken) ?? throw new FundRuleException("The fund is not started yet: the treasurer or a coordinator chooses its currency first.");
        return (account, await StateAsync(group.Id, cancellationToken));
    }

    FundEntry NewEntry(Group group, Guid recorderId, FundEntryKind kind, long amount, DateOnly? date, bool allowFuture = false)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var day = date ?? today;
        // A day of slack: the treasurer's "today" may be tomorrow in UTC.
        if (!allowFuture && day > today.AddDays(1)) throw new FundRuleException("The date cannot be in the future: record money when it has moved.");
        if (day < today.AddYears(-10)) throw new FundRuleException("The date is more than ten years ago.");
        return new FundEntry { Id = Guid.NewGuid(), GroupId = group.Id, Kind = kind, Amount = amount, Date = day, RecordedAt = now, RecordedById = recorderId };
    }

    async Task SetSourceAsync(Group group, FundEntry entry, FundSource source, Guid? memberId, string? party, CancellationToken cancellationToken)
    {
        entry.Source = source;
        switch (source)
        {
            case FundSource.Member:
                if (memberId is null || !await db.Memberships.AnyAsync(m => m.GroupId == group.Id && m.UserId == memberId, cancellationToken))
                    throw new FundRuleException("Choose the member it comes from.");
                entry.MemberId = memberId;
                break;
            case FundSource.Outside:
                entry.Party = Required(party, MaxPartyLength, "The name of who gave", "Say who outside the group it comes from.");
                break;
            case FundSource.Anonymous:
                break;
            default:
                throw new FundRuleException("Say whether it comes from a member, from outside, or anonymously.");
        }
    }

    async Task<FundEntry> AppendAsync(FundEntry entry, LedgerState state, CancellationToken cancellationToken)
    {
        entry.Number = state.Entries.Count == 0 ? 1 : state.Entries.Max(e => e.Number) + 1;
        db.FundEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new FundRuleException("Someone recorded another entry at the same moment; nothing was saved. Check the ledger and try again.");
        }
        return entry;
    }

    static string? Optional(string? text, int max, string what)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length <= max ? trimmed : throw new FundRuleException($"{what} is longer than {max} characters.");
    }

    static string Required(string? text, int max, string what, string missing) =>
        Optional(text, max, what) ?? throw new FundRuleException(missing);
}
