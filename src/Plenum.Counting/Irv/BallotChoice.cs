using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Irv;

/// <summary>Where a ballot counts in a round: a candidate, or nowhere for a stated reason.</summary>
internal readonly record struct BallotChoice(int Candidate, string? InactiveReason)
{
    public static BallotChoice For(int candidate) => new(candidate, null);
    public static BallotChoice Inactive(string reason) => new(-1, reason);
}

/// <summary>
/// Finds a ballot's current choice by reading it from the top each time, as RCTab does: ranks are
/// read in order, blank ranks are counted against the skip limit, and the first rank holding a
/// continuing candidate decides. Reading from the top again is what makes the outcome depend only on
/// which candidates are continuing, never on the path the ballot took.
/// </summary>
internal static class BallotChoices
{
    public static BallotChoice Find(IReadOnlyList<int[]> ranks, IrvRules rules, Func<int, bool> isContinuing, bool seatsAllFilled)
    {
        var lastMarked = LastMarkedRank(ranks);
        var lastRankSeen = 0;
        List<int>? seen = rules.ExhaustOnDuplicateCandidate ? [] : null;
        for (var index = 0; index < ranks.Count; index++)
        {
            var marks = ranks[index];
            if (marks.Length == 0) continue;
            var rank = index + 1;

            // Multi-winner count after the last seat is filled: the winners' surpluses have nowhere to go.
            if (seatsAllFilled) return BallotChoice.Inactive(InactiveReason.FinalRoundSurplus);

            if (rules.MaxSkippedRanks is { } maxSkipped && rank - lastRankSeen > maxSkipped + 1)
                return BallotChoice.Inactive(InactiveReason.SkippedRanks);
            lastRankSeen = rank;

            if (seen is not null)
            {
                foreach (var mark in marks)
                {
                    if (mark == RankedBallot.OvervoteMark) continue;
                    if (seen.Contains(mark)) return BallotChoice.Inactive(InactiveReason.RepeatedRanking);
                    seen.Add(mark);
                }
            }

            var overvoted = marks.Length > 1 || marks[0] == RankedBallot.OvervoteMark;
            if (overvoted)
            {
                var unnamed = marks.Contains(RankedBallot.OvervoteMark);
                var rule = rules.Overvote;
                // An overvote that names no candidates cannot be tested for continuing candidates: it exhausts.
                if (rule == OvervoteRule.ExhaustImmediately
                    || (rule == OvervoteRule.ExhaustIfMultipleContinuing && (unnamed || marks.Count(isContinuing) > 1)))
                    return BallotChoice.Inactive(InactiveReason.Overvote);
                if (rule == OvervoteRule.AlwaysSkipToNextRank)
                {
                    // An overvote on the ballot's last marked rank leaves it with no choices, not "overvoted".
                    if (rank == lastMarked) return BallotChoice.Inactive(InactiveReason.ExhaustedChoices);
                    continue;
                }
            }

            foreach (var mark in marks)
                if (mark != RankedBallot.OvervoteMark && isContinuing(mark)) return BallotChoice.For(mark);
        }
        return BallotChoice.Inactive(InactiveReason.ExhaustedChoices);
    }

    public static int LastMarkedRank(IReadOnlyList<int[]> ranks)
    {
        for (var index = ranks.Count - 1; index >= 0; index--)
            if (ranks[index].Length > 0) return index + 1;
        return 0;
    }
}
