using Plenum.Counting.Ballots;

namespace Plenum.Counting.Condorcet;

/// <summary>Checks shared by the counts: they refuse input that cannot be counted, before counting.</summary>
internal static class ElectionChecks
{
    /// <summary>The candidates still standing, in listed order; seats must be fillable from them.</summary>
    public static int[] Continuing(IReadOnlyList<string> candidates, int seats, IReadOnlySet<int>? withdrawn)
    {
        if (candidates.Count == 0) throw new CountingException("there are no candidates");
        if (candidates.Distinct(StringComparer.Ordinal).Count() != candidates.Count)
            throw new CountingException("two candidates share a name");
        var continuing = Enumerable.Range(0, candidates.Count)
            .Where(c => withdrawn is null || !withdrawn.Contains(c)).ToArray();
        if (seats < 1) throw new CountingException($"seats must be at least 1, not {seats}");
        if (seats > continuing.Length)
            throw new CountingException($"{seats} seats but only {continuing.Length} continuing candidates");
        return continuing;
    }

    public static int[] Continuing(RankedElection election) =>
        Continuing(election.Candidates, election.Seats, election.Withdrawn);

    public static void CheckWeight(long weight, int ballotIndex)
    {
        if (weight < 0) throw new CountingException($"ballot {ballotIndex + 1} has a negative weight ({weight})");
    }

    public static void CheckCandidate(int candidate, int candidateCount, int ballotIndex)
    {
        if (candidate < 0 || candidate >= candidateCount)
            throw new CountingException($"ballot {ballotIndex + 1} names candidate {candidate}, which does not exist");
    }
}
