namespace Plenum.Fund;

/// <summary>What a group's entries add up to: the balance, open pledges, what is reversed, and what each decision has paid out.</summary>
public sealed class LedgerState
{
    public IReadOnlyList<FundEntry> Entries { get; }
    /// <summary>Entries undone by a reversal.</summary>
    public IReadOnlySet<Guid> Reversed { get; }
    public long Balance { get; }
    public IReadOnlyList<FundEntry> OpenPledges { get; }
    public long Pledged => OpenPledges.Sum(p => p.Amount);

    public LedgerState(IReadOnlyList<FundEntry> entries)
    {
        Entries = entries;
        Reversed = entries.Where(e => e.ReversesId is not null).Select(e => e.ReversesId!.Value).ToHashSet();
        Balance = entries.Where(Counts).Sum(e => e.BalanceEffect);
        var settled = entries.Where(e => e.PledgeId is not null && Counts(e)).Select(e => e.PledgeId!.Value).ToHashSet();
        OpenPledges = [.. entries.Where(e => e.Kind == FundEntryKind.Pledge && !settled.Contains(e.Id))];
    }

    /// <summary>Whether the entry still stands (it is not itself undone).</summary>
    public bool Counts(FundEntry entry) => !Reversed.Contains(entry.Id);

    public bool IsOpenPledge(FundEntry entry) => OpenPledges.Any(p => p.Id == entry.Id);

    /// <summary>What the disbursements carrying out a decision add up to, reversals taken off.</summary>
    public long PaidFor(Guid decisionId) =>
        Entries.Where(e => e.Kind == FundEntryKind.Disbursement && e.DecisionId == decisionId && Counts(e)).Sum(e => e.Amount);

    public string PledgeStatus(FundEntry pledge)
    {
        var settlement = Entries.FirstOrDefault(e => e.PledgeId == pledge.Id && Counts(e));
        return settlement?.Kind switch
        {
            FundEntryKind.Contribution => $"fulfilled by entry #{settlement.Number}",
            FundEntryKind.PledgeWithdrawn => $"withdrawn (entry #{settlement.Number})",
            _ => "open",
        };
    }
}
