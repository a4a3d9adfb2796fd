namespace Plenum.Fund;

/// <summary>
/// Income and spending by month and by purpose. A reversal counts in the month of its own date, against
/// the side of the entry it undoes, so a closed month's figures never change afterwards.
/// </summary>
public sealed record FundReport(IReadOnlyList<FundReport.Month> Months, IReadOnlyList<FundReport.Purpose> Purposes, long Income, long Spending, long Balance, long Pledged)
{
    public sealed record Month(string Key, long Income, long Spending)
    {
        public long Net => Income - Spending;
    }

    public sealed record Purpose(string Name, long Income, long Spending);

    public const string Unsorted = "(no purpose given)";

    public static FundReport Of(LedgerState state)
    {
        var byId = state.Entries.ToDictionary(e => e.Id);
        var moves = state.Entries.Select(e =>
        {
            var original = e.ReversesId is { } r ? byId[r] : null;
            var (income, spending) = e.Kind switch
            {
                FundEntryKind.Contribution => (e.Amount, 0L),
                FundEntryKind.Disbursement => (0L, e.Amount),
                FundEntryKind.Reversal when original!.Kind == FundEntryKind.Contribution => (-e.Amount, 0L),
                FundEntryKind.Reversal => (0L, -e.Amount),
                _ => (0L, 0L),
            };
            return (Month: e.Date.ToString("yyyy-MM"), Purpose: (original ?? e).Category ?? Unsorted, Income: income, Spending: spending);
        }).Where(m => m.Income != 0 || m.Spending != 0).ToList();
        var months = moves.GroupBy(m => m.Month).OrderByDescending(g => g.Key)
            .Select(g => new Month(g.Key, g.Sum(m => m.Income), g.Sum(m => m.Spending))).ToList();
        var purposes = moves.GroupBy(m => m.Purpose).Select(g => new Purpose(g.Key, g.Sum(m => m.Income), g.Sum(m => m.Spending)))
            .OrderByDescending(p => p.Spending).ThenByDescending(p => p.Income).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        return new(months, purposes, moves.Sum(m => m.Income), moves.Sum(m => m.Spending), state.Balance, state.Pledged);
    }
}
