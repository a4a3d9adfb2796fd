using Plenum.Counting.Condorcet;

namespace Plenum.Decisions;

/// <summary>
/// The head-to-head tables of a Condorcet count: the pairwise matrix d[a,b] and Schulze's strongest
/// paths p[a,b], rows against columns, the larger of each pair in bold.
/// </summary>
public static class PairwiseTables
{
    public static ResultTable Matrix(CondorcetDetails details, IReadOnlyList<string> candidates) => Table(details.Pairwise, candidates, "Head to head",
        "How many ballots rank the row's option above the column's. Bold: the row's option wins that contest.", "wins");

    /// <summary>Null for a count that records no strongest paths (ranked pairs, or a result stored before they were recorded).</summary>
    public static ResultTable? StrongestPaths(CondorcetDetails details, IReadOnlyList<string> candidates) =>
        details.StrongestPaths is { } paths
            ? Table(paths, candidates, "Strongest paths", "The strength of the strongest chain of wins from the row's option to the column's (a chain is as strong as its weakest win). Bold: stronger than the path back.", "stronger")
            : null;

    static ResultTable Table(long[][] values, IReadOnlyList<string> candidates, string caption, string hint, string strongMeaning)
    {
        var rows = candidates.Select((row, a) => new ResultRow(row, [.. candidates.Select((_, b) => a == b
            ? ResultCell.Empty
            : new ResultCell(values[a][b].ToString(System.Globalization.CultureInfo.InvariantCulture), values[a][b] > values[b][a]))])).ToList();
        return new ResultTable(caption, hint, "Option", candidates, rows) { StrongMeaning = strongMeaning };
    }
}
