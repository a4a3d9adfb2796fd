using System.Numerics;
using Plenum.Counting.Ballots;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Exact;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Simple;

/// <summary>
/// Borda count over ranked ballots; the most points win (top N for N seats).
/// Places count candidates, not columns: skipped ranks and withdrawn candidates are passed over.
/// Candidates ranked equal each get the value of the lowest place they span (so ranking equal never
/// earns more than a strict order would), and unranked candidates score 0.
/// Standard: one point per continuing candidate ranked strictly below.
/// Dowdall: 1/k, k being the place: the number of continuing candidates ranked above or equal, itself included.
/// Dowdall is exact: tallies are fractions (rationals, no rounding at all) and winners and ties
/// are decided on them; Rounds show them as decimals rounded half away from zero to at most 28
/// places, and Details["exactTallies"] gives the fractions.
/// </summary>
public static class Borda
{
    public static CountResult Run(RankedElection election, BordaVariant variant = BordaVariant.Standard, TieBreaking? ties = null)
    {
        var continuing = ElectionChecks.Continuing(election);
        var n = election.Candidates.Count;
        // weightAt[c][k]: ballot weight giving candidate c the k-th value (k below for Standard,
        // place k for Dowdall). Summing per place first keeps Dowdall to one fraction per place.
        var weightAt = new long[n][];
        for (var c = 0; c < n; c++) weightAt[c] = new long[continuing.Length + 1];
        var invalid = new InvalidTally();
        for (var index = 0; index < election.Ballots.Count; index++)
        {
            var ballot = election.Ballots[index];
            ElectionChecks.CheckWeight(ballot.Weight, index);
            var positions = RankPositions.Of(ballot, n, index);
            if (continuing.All(c => positions[c] == RankPositions.Unranked)) { invalid.Add(InvalidBallot.Blank, ballot.Weight); continue; }
            foreach (var c in continuing)
            {
                if (positions[c] == RankPositions.Unranked) continue;
                var place = variant == BordaVariant.Standard
                    ? continuing.Count(o => positions[o] > positions[c])
                    : continuing.Count(o => positions[o] <= positions[c]);
                weightAt[c][place] = checked(weightAt[c][place] + ballot.Weight);
            }
        }

        var tallies = continuing.ToDictionary(c => c, c => Points(weightAt[c], variant));
        var details = new Dictionary<string, object>
        {
            ["variant"] = variant == BordaVariant.Standard ? "standard" : "Dowdall",
            ["exactTallies"] = TopN.ExactStrings(election.Candidates, tallies),
        };
        return TopN.Result(
            variant == BordaVariant.Standard ? "borda" : "borda-dowdall",
            election.Candidates, election.Seats, continuing, tallies, c => tallies[c],
            invalid, ties ?? TieBreaking.Default, details,
            [variant == BordaVariant.Standard
                ? "Each ballot gives a candidate one point per candidate ranked below it; unranked score 0."
                : "Each ballot gives 1/k to the candidate in k-th place; unranked score 0. Counted in exact fractions."]);
    }

    private static Rational Points(long[] weightAt, BordaVariant variant)
    {
        var total = Rational.Zero;
        for (var place = 0; place < weightAt.Length; place++)
        {
            if (weightAt[place] == 0) continue; // also place 0 for Dowdall, which is never used
            total += variant == BordaVariant.Standard
                ? (Rational)checked(weightAt[place] * place)
                : new Rational(weightAt[place], new BigInteger(place));
        }
        return total;
    }
}
