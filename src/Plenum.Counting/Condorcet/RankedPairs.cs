using Plenum.Counting.Ballots;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Condorcet;

/// <summary>
/// Tideman's ranked pairs, by winning votes. Every defeat (a beats b) is sorted: more votes for the
/// winner first; then fewer votes for the loser; then, for pairs still equal, the tie-breaking
/// order of candidates as Zavist and Tideman (1989) propose: the pair whose winner comes first in
/// that order, and for the same winner the pair whose loser comes last. Defeats are locked in
/// that order unless they would close a cycle. The ranking follows the locked defeats; where they
/// leave several candidates unbeaten for a place, the same tie-breaking order picks.
/// </summary>
public static class RankedPairs
{
    private sealed record Defeat(int Winner, int Loser, long For, long Against);

    public static CountResult Run(RankedElection election, TieBreaking? ties = null)
    {
        ties ??= TieBreaking.Default;
        var continuing = ElectionChecks.Continuing(election);
        var names = election.Candidates;
        var d = PairwiseMatrix.From(election);
        var priority = ties.PriorityOf(names.Count);
        string Label(Defeat x) => $"{names[x.Winner]}>{names[x.Loser]}";

        var defeats = (from a in continuing
                       from b in continuing
                       where d.Beats(a, b)
                       select new Defeat(a, b, d[a, b], d[b, a]))
            .OrderByDescending(x => x.For)
            .ThenBy(x => x.Against)
            .ThenBy(x => priority[x.Winner])
            .ThenByDescending(x => priority[x.Loser])
            .ToList();

        var tieBreaks = defeats
            .GroupBy(x => (x.For, x.Against))
            .Where(group => group.Count() > 1)
            .Select(group => ties.Record(0, group.Select(Label), Label(group.First())))
            .ToList();

        var locked = new bool[names.Count, names.Count];
        var lockedPairs = new List<string[]>();
        var skippedPairs = new List<string[]>();
        foreach (var defeat in defeats)
        {
            if (Reaches(locked, defeat.Loser, defeat.Winner, continuing))
            {
                skippedPairs.Add([names[defeat.Winner], names[defeat.Loser]]);
                continue;
            }
            locked[defeat.Winner, defeat.Loser] = true;
            lockedPairs.Add([names[defeat.Winner], names[defeat.Loser]]);
        }

        var remaining = continuing.ToList();
        var ranking = new List<int>();
        while (remaining.Count > 0)
        {
            var unbeaten = remaining.Where(c => !remaining.Any(other => locked[other, c])).ToArray();
            var chosen = unbeaten.MinBy(c => priority[c]);
            if (unbeaten.Length > 1)
                tieBreaks.Add(ties.Record(ranking.Count + 1, unbeaten.Select(c => names[c]), names[chosen]));
            ranking.Add(chosen);
            remaining.Remove(chosen);
        }

        var details = new Dictionary<string, object>
        {
            [CondorcetDetails.PairwiseKey] = d.ToArrays(),
            ["lockedPairs"] = lockedPairs.ToArray(),
            ["skippedPairs"] = skippedPairs.ToArray(),
            ["pairOrderRule"] = "winning votes descending, then losing votes ascending, then by the tie-breaking order: "
                                + "winner earlier first, for the same winner loser later first; tie-breaking order: " + ties.Rule,
            [CondorcetDetails.SmithSetKey] = SmithSet.Of(d, continuing).Select(c => names[c]).ToArray(),
            [CondorcetDetails.RankingKey] = ranking.Select(c => names[c]).ToArray(),
        };
        if (d.CondorcetWinner(continuing) is { } condorcet) details[CondorcetDetails.CondorcetWinnerKey] = names[condorcet];

        return new CountResult
        {
            Method = "ranked-pairs",
            Seats = election.Seats,
            Candidates = names,
            Winners = ranking.Take(election.Seats).Select(c => names[c]).ToArray(),
            Ties = tieBreaks,
            Details = details,
            Notes =
            [
                "lockedPairs lists [winner, loser] in the order locked; skippedPairs those that would have closed a cycle.",
                "Ties with round 0 are ties in the order of pairs; others are ties for a place in the ranking.",
            ],
        };
    }

    /// <summary>Whether locked defeats lead from one candidate to another (locking the reverse would close a cycle).</summary>
    private static bool Reaches(bool[,] locked, int from, int to, IReadOnlyList<int> among)
    {
        var seen = new HashSet<int> { from };
        var frontier = new Stack<int>([from]);
        while (frontier.Count > 0)
        {
            var current = frontier.Pop();
            if (current == to) return true;
            foreach (var next in among)
                if (locked[current, next] && seen.Add(next))
                    frontier.Push(next);
        }
        return false;
    }
}
