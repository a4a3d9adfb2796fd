using Plenum.Counting.Ballots;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Exact;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Simple;

/// <summary>Plurality: each ballot's first preference counts one vote; the most votes win (top N for N seats).</summary>
public static class Plurality
{
    /// <summary>
    /// First preferences of ranked ballots: the highest rank naming a continuing candidate (skipped
    /// ranks and withdrawn candidates are passed over). That rank naming two or more continuing
    /// candidates, or holding an overvote mark, makes the ballot an overvote.
    /// </summary>
    public static CountResult Run(RankedElection election, TieBreaking? ties = null)
    {
        var continuing = ElectionChecks.Continuing(election);
        var isContinuing = continuing.ToHashSet();
        var votes = continuing.ToDictionary(c => c, _ => 0L);
        var invalid = new InvalidTally();
        for (var index = 0; index < election.Ballots.Count; index++)
        {
            var ballot = election.Ballots[index];
            ElectionChecks.CheckWeight(ballot.Weight, index);
            switch (FirstPreference(ballot, isContinuing, election.Candidates.Count, index))
            {
                case (null, var reason): invalid.Add(reason!, ballot.Weight); break;
                case (var candidate, _): votes[candidate!.Value] = checked(votes[candidate.Value] + ballot.Weight); break;
            }
        }
        return Result(election.Candidates, election.Seats, continuing, votes, invalid, ties);
    }

    /// <summary>Single-choice ballots: one mark is a vote, none is blank, more is an overvote.</summary>
    public static CountResult Run(SimpleElection<ChoiceBallot> election, TieBreaking? ties = null)
    {
        var continuing = ElectionChecks.Continuing(election.Candidates, election.Seats, election.Withdrawn);
        var votes = continuing.ToDictionary(c => c, _ => 0L);
        var invalid = new InvalidTally();
        for (var index = 0; index < election.Ballots.Count; index++)
        {
            var ballot = election.Ballots[index];
            ElectionChecks.CheckWeight(ballot.Weight, index);
            foreach (var choice in ballot.Choices) ElectionChecks.CheckCandidate(choice, election.Candidates.Count, index);
            var counted = ballot.Choices.Where(votes.ContainsKey).ToArray();
            if (ballot.Choices.Count > 1) invalid.Add(InvalidBallot.Overvote, ballot.Weight);
            else if (counted.Length == 0) invalid.Add(InvalidBallot.Blank, ballot.Weight);
            else votes[counted[0]] = checked(votes[counted[0]] + ballot.Weight);
        }
        return Result(election.Candidates, election.Seats, continuing, votes, invalid, ties);
    }

    private static (int? Candidate, string? Reason) FirstPreference(
        RankedBallot ballot, HashSet<int> continuing, int candidateCount, int index)
    {
        foreach (var rank in ballot.Ranks)
        {
            if (rank.Contains(RankedBallot.OvervoteMark)) return (null, InvalidBallot.Overvote);
            foreach (var candidate in rank) ElectionChecks.CheckCandidate(candidate, candidateCount, index);
            var named = rank.Where(continuing.Contains).Distinct().ToArray();
            if (named.Length > 1) return (null, InvalidBallot.Overvote);
            if (named.Length == 1) return (named[0], null);
        }
        return (null, InvalidBallot.Blank);
    }

    private static CountResult Result(
        IReadOnlyList<string> names, int seats, int[] continuing, Dictionary<int, long> votes,
        InvalidTally invalid, TieBreaking? ties)
    {
        var tallies = votes.ToDictionary(kv => kv.Key, kv => (Rational)kv.Value);
        return TopN.Result("plurality", names, seats, continuing, tallies, c => tallies[c], invalid,
            ties ?? TieBreaking.Default, new Dictionary<string, object>(),
            ["Each valid ballot gives one vote to its first preference; the most votes win."]);
    }
}
