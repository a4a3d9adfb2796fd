using Plenum.Counting.Results;

namespace Plenum.Decisions;

/// <summary>
/// Why a candidate was elected or eliminated in a round, in words, read from what the count recorded:
/// a tie and the rule that broke it, the quota reached, the seats left, the fewest votes.
/// </summary>
public static class RoundReasons
{
    /// <param name="quotaName">What the method calls the votes that elect: "quota" (STV) or "threshold" (IRV).</param>
    public static string Elected(RoundStandings standings, int round, string candidate, string quotaName)
    {
        var count = standings.Rounds[round];
        if (TieWon(standings.Result, count, candidate) is { } tie) return tie;
        if (count.Quota is { } quota && standings.Votes(round, candidate) >= quota)
            return $"reached the {quotaName} of {ResultText.Number(quota)}";
        var seatsLeft = standings.Result.Seats - standings.ElectedBy(round - 1);
        var stillIn = count.Tallies.Keys.Count(c => !standings.IsElectedBy(round - 1, c) && !standings.IsEliminatedIn(round, c));
        return stillIn <= seatsLeft ? "as many seats were left as candidates still in the count" : "elected when the count ended";
    }

    public static string Eliminated(RoundStandings standings, int round, string candidate)
    {
        var count = standings.Rounds[round];
        if (TieWon(standings.Result, count, candidate) is { } tie) return tie;
        // STV defeats whoever is left once the seats are filled; a candidate excluded earlier in the
        // same stage has already passed its votes on and so is no longer in the stage's tallies.
        if (standings.ElectedBy(round) >= standings.Result.Seats && count.Tallies.ContainsKey(candidate))
            return "the seats were filled";
        var votes = standings.Votes(round, candidate) ?? (round > 0 ? standings.Votes(round - 1, candidate) : null);
        return votes is { } v ? $"fewest votes ({ResultText.Number(v)})" : "fewest votes";
    }

    /// <summary>A tie this candidate was chosen in (to win or to go out), with its rule and seed.</summary>
    static string? TieWon(CountResult result, CountRound round, string candidate) =>
        result.Ties.FirstOrDefault(t => t.Round == round.Number && t.Chosen == candidate) is { } tie
            ? $"tie with {string.Join(", ", tie.Tied.Where(t => t != candidate))}, broken by {tie.Rule}{(tie.Seed is null ? "" : $", seed {tie.Seed}")}"
            : null;
}
