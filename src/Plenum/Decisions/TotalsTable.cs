using Plenum.Counting.Results;

namespace Plenum.Decisions;

/// <summary>The totals of a single-round count (poll, score, dot vote), highest first, with the ballots set aside by reason.</summary>
public static class TotalsTable
{
    /// <param name="unit">What the totals count: "Votes", "Total score", "Dots".</param>
    public static ResultTable For(CountResult result, string unit)
    {
        var round = result.Rounds.Count > 0 ? result.Rounds[^1] : null;
        var tallies = round?.Tallies ?? new Dictionary<string, decimal>();
        var rows = result.Candidates
            .OrderByDescending(c => tallies.TryGetValue(c, out var total) ? total : decimal.MinValue)
            .Select(c =>
            {
                var chosen = result.Winners.Contains(c);
                return new ResultRow(c, [tallies.TryGetValue(c, out var total)
                    ? new ResultCell(ResultText.Number(total), chosen, chosen ? "chosen" : null)
                    : ResultCell.Empty]);
            })
            .ToList();
        foreach (var (reason, weight) in round?.Inactive ?? new Dictionary<string, decimal>())
            rows.Add(new ResultRow($"Ballots set aside: {reason}", [new ResultCell(ResultText.Number(weight))], Summary: true));
        return new ResultTable($"{unit} for each option", "Highest first; bold: chosen. Ballots set aside, if any, by reason below.", "Option", [unit], rows);
    }
}
