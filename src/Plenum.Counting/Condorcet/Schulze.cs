using Plenum.Counting.Ballots;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Condorcet;

/// <summary>
/// The Schulze method. The full ranking (and so the winners of a multi-seat count, the first
/// <c>Seats</c> of it) comes from repeated application: each place goes to the Schulze winner
/// among the candidates not yet placed, strongest paths recomputed without those placed.
/// When more than one candidate could take a place, the tie-breaking rule picks and the tie is recorded.
/// </summary>
public static class Schulze
{
    public static CountResult Run(
        RankedElection election,
        SchulzeVariant variant = SchulzeVariant.WinningVotes,
        TieBreaking? ties = null)
    {
        ties ??= TieBreaking.Default;
        var continuing = ElectionChecks.Continuing(election);
        var names = election.Candidates;
        var d = PairwiseMatrix.From(election);
        var priority = ties.PriorityOf(names.Count);

        var firstPaths = StrongestPaths.Compute(d, variant, continuing);
        var remaining = continuing.ToList();
        var ranking = new List<int>();
        var tieBreaks = new List<TieBreak>();
        while (remaining.Count > 0)
        {
            var paths = StrongestPaths.Compute(d, variant, remaining);
            var potential = StrongestPaths.PotentialWinners(paths, remaining);
            var chosen = potential.MinBy(c => priority[c]);
            if (potential.Count > 1)
                tieBreaks.Add(ties.Record(ranking.Count + 1, potential.Select(c => names[c]), names[chosen]));
            ranking.Add(chosen);
            remaining.Remove(chosen);
        }

        var details = new Dictionary<string, object>
        {
            [CondorcetDetails.VariantKey] = variant == SchulzeVariant.Margins ? "margins" : "winning votes",
            [CondorcetDetails.PairwiseKey] = d.ToArrays(),
            [CondorcetDetails.StrongestPathsKey] = PairwiseMatrix.ToArrays(firstPaths),
            [CondorcetDetails.SmithSetKey] = SmithSet.Of(d, continuing).Select(c => names[c]).ToArray(),
            ["potentialWinners"] = StrongestPaths.PotentialWinners(firstPaths, continuing).Select(c => names[c]).ToArray(),
            [CondorcetDetails.RankingKey] = ranking.Select(c => names[c]).ToArray(),
        };
        if (d.CondorcetWinner(continuing) is { } condorcet) details[CondorcetDetails.CondorcetWinnerKey] = names[condorcet];

        return new CountResult
        {
            Method = variant == SchulzeVariant.Margins ? "schulze-margins" : "schulze",
            Seats = election.Seats,
            Candidates = names,
            Winners = ranking.Take(election.Seats).Select(c => names[c]).ToArray(),
            Ties = tieBreaks,
            Details = details,
            Notes =
            [
                "pairwise[a][b] and strongestPaths[a][b] are indexed by candidate number, in the order of Candidates.",
                "Ranking by repeated application: each place goes to the Schulze winner among those not yet placed.",
            ],
        };
    }
}
