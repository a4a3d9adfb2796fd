namespace Plenum.Counting.Ballots;

/// <summary>
/// One ranked ballot (or a group of identical ballots, counted <see cref="Weight"/> times).
/// Each rank holds the candidate indices marked at that rank: an empty rank is a skipped rank,
/// more than one candidate is an overvote (or an equal ranking, where a method allows it).
/// </summary>
public sealed record RankedBallot(IReadOnlyList<int[]> Ranks, long Weight = 1)
{
    /// <summary>
    /// Stands in a rank for an overvote the source marked without naming candidates
    /// (CDF overvote marks, "#" in the CA SB 1288 test format).
    /// </summary>
    public const int OvervoteMark = -1;

    /// <summary>A plain ballot ranking one candidate per rank, no skips.</summary>
    public static RankedBallot Of(long weight, params int[] candidates) =>
        new(candidates.Select(c => new[] { c }).ToArray(), weight);
}
