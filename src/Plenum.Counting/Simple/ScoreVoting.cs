using Plenum.Counting.Condorcet;
using Plenum.Counting.Exact;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Simple;

/// <summary>
/// Score (range) voting. A ballot with any score outside the range is invalid; a ballot scoring
/// no one is blank. Means are exact fractions (compared exactly; the decimals shown are rounded,
/// see <see cref="Rational.ToDecimal"/>), and are also given exactly in Details["exactTallies"].
/// </summary>
public static class ScoreVoting
{
    public static CountResult Run(
        SimpleElection<ScoreBallot> election, ScoreRange range, ScoreVariant variant = ScoreVariant.Sum, TieBreaking? ties = null)
    {
        if (range.Min >= range.Max) throw new CountingException($"score range {range.Min}..{range.Max} is empty or a single value");
        var continuing = ElectionChecks.Continuing(election.Candidates, election.Seats, election.Withdrawn);
        var n = election.Candidates.Count;
        var sums = new long[n];
        var scorers = new long[n];
        var invalid = new InvalidTally();
        for (var index = 0; index < election.Ballots.Count; index++)
        {
            var ballot = election.Ballots[index];
            ElectionChecks.CheckWeight(ballot.Weight, index);
            if (ballot.Scores.Count != n)
                throw new CountingException($"ballot {index + 1} has {ballot.Scores.Count} scores for {n} candidates");
            if (ballot.Scores.Any(s => s is { } score && !range.Contains(score))) { invalid.Add(InvalidBallot.ScoreOutOfRange, ballot.Weight); continue; }
            if (ballot.Scores.All(s => s is null)) { invalid.Add(InvalidBallot.Blank, ballot.Weight); continue; }
            foreach (var c in continuing)
            {
                if (ballot.Scores[c] is { } score)
                {
                    sums[c] = checked(sums[c] + score * ballot.Weight);
                    scorers[c] = checked(scorers[c] + ballot.Weight);
                }
                else if (variant == ScoreVariant.Sum)
                {
                    sums[c] = checked(sums[c] + range.Min * ballot.Weight);
                }
            }
        }

        var tallies = variant == ScoreVariant.Sum
            ? continuing.ToDictionary(c => c, c => (Rational)sums[c])
            : continuing.Where(c => scorers[c] > 0).ToDictionary(c => c, c => new Rational(sums[c], scorers[c]));
        var belowAnyMean = (Rational)(range.Min - 1L);
        var details = new Dictionary<string, object>
        {
            ["variant"] = variant == ScoreVariant.Sum ? "sum" : "mean",
            ["scoreRange"] = new[] { range.Min, range.Max },
            ["exactTallies"] = TopN.ExactStrings(election.Candidates, tallies),
            ["scoredBy"] = continuing.ToDictionary(c => election.Candidates[c], c => scorers[c]),
        };
        return TopN.Result(
            variant == ScoreVariant.Sum ? "score" : "score-mean",
            election.Candidates, election.Seats, continuing, tallies,
            c => tallies.TryGetValue(c, out var t) ? t : belowAnyMean,
            invalid, ties ?? TieBreaking.Default, details,
            [variant == ScoreVariant.Sum
                ? "Sum of scores; a candidate left unscored gets the minimum score."
                : "Mean of the scores given; unscored is no opinion and left out; a candidate no one scored ranks last."]);
    }
}
