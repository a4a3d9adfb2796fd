using Plenum.Counting.Lots;
namespace Plenum.Counting.Irv;

/// <summary>What a ballot does when it reaches a rank marked for more than one candidate.</summary>
public enum OvervoteRule
{
    /// <summary>The ballot stops counting at the overvoted rank.</summary>
    ExhaustImmediately,
    /// <summary>The overvoted rank is passed over, as if it were blank (but it is not a skipped rank).</summary>
    AlwaysSkipToNextRank,
    /// <summary>The ballot stops only if two or more of the marked candidates are still continuing.</summary>
    ExhaustIfMultipleContinuing,
}

/// <summary>How a tie for elimination (or for election) is broken.</summary>
public enum TieBreakRule
{
    /// <summary>The tied candidate listed last in <see cref="IrvRules.TieBreakOrder"/> loses; the first listed wins.</summary>
    CandidateOrder,
    /// <summary>The tied candidate with the fewest (most, for election) votes in the latest earlier round where they differ; random if they never differ.</summary>
    PreviousRoundCountsThenRandom,
    /// <summary>Drawn with <see cref="SplitMix64"/> seeded by <see cref="IrvRules.RandomSeed"/>.</summary>
    Random,
}

/// <summary>
/// The options of an instant-runoff count as US jurisdictions run it (the options RCTab offers).
/// Excluded candidates are the election's <c>Withdrawn</c> set; seats are the election's seats.
/// With more than one seat the count is RCTab's multi-winner IRV: winners' surpluses move on at a
/// truncated fraction of each ballot's value, and the threshold is fixed in round 1.
/// </summary>
public sealed record IrvRules
{
    public OvervoteRule Overvote { get; init; } = OvervoteRule.ExhaustImmediately;

    /// <summary>Consecutive blank ranks a ballot may skip and still count; null for no limit.</summary>
    public int? MaxSkippedRanks { get; init; }

    /// <summary>True: a ballot that ranks a candidate it already ranked stops there. False: the repeat is passed over.</summary>
    public bool ExhaustOnDuplicateCandidate { get; init; }

    /// <summary>Eliminate at once every candidate who could not overtake the next-lowest even with all their votes combined.</summary>
    public bool BatchElimination { get; init; }

    /// <summary>Keep eliminating after the winner is known until two candidates remain (for the published final round).</summary>
    public bool ContinueUntilTwoCandidatesRemain { get; init; }

    /// <summary>Index of the candidate standing for undeclared write-ins: it cannot win and is eliminated first.</summary>
    public int? UndeclaredWriteIn { get; init; }

    /// <summary>Candidates below this many votes are eliminated together; 0 for none.</summary>
    public decimal MinimumVoteThreshold { get; init; }

    public TieBreakRule TieBreak { get; init; } = TieBreakRule.CandidateOrder;

    /// <summary>Seed for random tie-breaks; recorded in every <c>TieBreak</c> it decides.</summary>
    public ulong RandomSeed { get; init; }

    /// <summary>Candidate indices, earliest first, for <see cref="TieBreakRule.CandidateOrder"/>; null means the election's order.</summary>
    public IReadOnlyList<int>? TieBreakOrder { get; init; }

    /// <summary>Decimal places kept in surplus fractions and transferred values (truncated, never rounded up).</summary>
    public int DecimalPlaces { get; init; } = 4;

    /// <summary>Threshold votes/(seats+1) plus the smallest unit of <see cref="DecimalPlaces"/>, instead of a whole number.</summary>
    public bool NonIntegerThreshold { get; init; }

    /// <summary>Threshold votes/seats (rounded up) instead of the Droop threshold.</summary>
    public bool HareQuota { get; init; }

    /// <summary>Single-winner: the round-1 threshold stays for every round; the leader of the last two wins.</summary>
    public bool FirstRoundDeterminesThreshold { get; init; }

    /// <summary>Multi-winner: elect at most one candidate (the highest) per round.</summary>
    public bool OneWinnerPerRound { get; init; }

    /// <summary>Stop after this round, whatever the state; null to count to the end.</summary>
    public int? StopAfterRound { get; init; }
}
