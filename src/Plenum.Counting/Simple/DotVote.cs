using Plenum.Counting.Condorcet;
using Plenum.Counting.Exact;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Simple;

/// <summary>
/// Dot voting (cumulative voting): each voter spreads up to N points; the most points win.
/// Giving more than N points, negative points, or more than the per-candidate limit makes the
/// ballot invalid. Giving fewer than N is allowed. Points on withdrawn candidates count towards N.
/// </summary>
public static class DotVote
{
    public static CountResult Run(SimpleElection<DotBallot> election, DotVoteRules rules, TieBreaking? ties = null)
    {
        if (rules.PointsPerVoter < 1) throw new CountingException("each voter needs at least one point");
        var continuing = ElectionChecks.Continuing(election.Candidates, election.Seats, election.Withdrawn);
        var n = election.Candidates.Count;
        var points = new long[n];
        var invalid = new InvalidTally();
        for (var index = 0; index < election.Ballots.Count; index++)
        {
            var ballot = election.Ballots[index];
            ElectionChecks.CheckWeight(ballot.Weight, index);
            if (ballot.Points.Count != n)
                throw new CountingException($"ballot {index + 1} gives points to {ballot.Points.Count} of {n} candidates");
            if (Invalidity(ballot, rules) is { } reason) { invalid.Add(reason, ballot.Weight); continue; }
            foreach (var c in continuing) points[c] = checked(points[c] + ballot.Points[c] * ballot.Weight);
        }

        var tallies = continuing.ToDictionary(c => c, c => (Rational)points[c]);
        var details = new Dictionary<string, object>
        {
            ["pointsPerVoter"] = rules.PointsPerVoter,
            ["maxPerCandidate"] = (object?)rules.MaxPerCandidate ?? "no limit",
        };
        return TopN.Result("dot-vote", election.Candidates, election.Seats, continuing, tallies, c => tallies[c],
            invalid, ties ?? TieBreaking.Default, details,
            [$"Each voter spreads up to {rules.PointsPerVoter} points; over-allocated ballots are invalid."]);
    }

    private static string? Invalidity(DotBallot ballot, DotVoteRules rules)
    {
        if (ballot.Points.Any(p => p < 0)) return InvalidBallot.NegativePoints;
        if (ballot.Points.Sum(p => (long)p) > rules.PointsPerVoter) return InvalidBallot.OverAllocated;
        if (ballot.Points.Any(p => p > rules.MaxPerCandidate)) return InvalidBallot.OverCandidateLimit;
        return null;
    }
}
