using Plenum.Counting.Exact;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Simple;

/// <summary>
/// The shared last step of the simple methods: order candidates by their tally, highest first,
/// and elect the first <c>Seats</c>. Equal tallies are ordered by the tie-breaking rule; a tie is
/// recorded when it decides who is elected (equal tallies straddling the last seat). Ties among
/// candidates all elected, or all not elected, change no one's fate and are only seen in "ranking".
/// </summary>
internal static class TopN
{
    public static CountResult Result(
        string method,
        IReadOnlyList<string> names,
        int seats,
        IReadOnlyList<int> continuing,
        IReadOnlyDictionary<int, Rational> tallies,
        Func<int, Rational> rankKey,
        InvalidTally invalid,
        TieBreaking ties,
        Dictionary<string, object> details,
        IReadOnlyList<string> notes)
    {
        var priority = ties.PriorityOf(names.Count);
        var ranking = continuing.OrderByDescending(rankKey).ThenBy(c => priority[c]).ToArray();
        var winners = ranking.Take(seats).ToArray();
        var tieBreaks = new List<TieBreak>();

        var lastKey = rankKey(winners[^1]);
        var tiedAtLastSeat = ranking.Where(c => rankKey(c).CompareTo(lastKey) == 0).ToArray();
        var tiedLosers = tiedAtLastSeat.Count(c => !winners.Contains(c));
        if (tiedLosers > 0)
        {
            var stillTied = tiedAtLastSeat.ToList();
            foreach (var chosen in tiedAtLastSeat.Where(winners.Contains))
            {
                tieBreaks.Add(ties.Record(1, stillTied.Order().Select(c => names[c]), names[chosen]));
                stillTied.Remove(chosen);
            }
        }

        details["ranking"] = ranking.Select(c => names[c]).ToArray();
        details["invalidBallots"] = invalid.Total;
        return new CountResult
        {
            Method = method,
            Seats = seats,
            Candidates = names,
            Winners = winners.Select(c => names[c]).ToArray(),
            Rounds =
            [
                new CountRound
                {
                    Number = 1,
                    Tallies = tallies.OrderBy(kv => kv.Key).ToDictionary(kv => names[kv.Key], kv => kv.Value.ToDecimal()),
                    Elected = winners.Select(c => names[c]).ToArray(),
                    Inactive = invalid.ToDecimals(),
                },
            ],
            Ties = tieBreaks,
            Details = details,
            Notes = notes,
        };
    }

    /// <summary>Exact tallies as "numerator/denominator" strings, for results whose decimals are rounded.</summary>
    public static Dictionary<string, string> ExactStrings(IReadOnlyList<string> names, IReadOnlyDictionary<int, Rational> tallies) =>
        tallies.OrderBy(kv => kv.Key).ToDictionary(kv => names[kv.Key], kv => kv.Value.ToString());
}
