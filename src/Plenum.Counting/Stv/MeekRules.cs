namespace Plenum.Counting.Stv;

/// <summary>When Meek may defeat several hopeful candidates at once (PRF reference rule B.3, "batch defeats").</summary>
public enum BatchDefeats
{
    /// <summary>Only the single lowest candidate is defeated each round (the reference rule's plain reading).</summary>
    Never,

    /// <summary>Checked at the end of step B.2.e, only when another iteration would otherwise follow.</summary>
    PerReferenceRule,

    /// <summary>Checked after every iteration that elected nobody, before the surplus tests.</summary>
    IfNoNewElected,

    /// <summary>Checked once the round's iterations are finished, just before a single defeat.</summary>
    BeforeSingleDefeat,
}

/// <summary>
/// Options of Meek STV per the Proportional Representation Foundation reference rule. The defaults are
/// the reference rule itself: 9 decimal places, omega 10^-6, Droop quota, single defeats.
/// </summary>
public sealed record MeekRules
{
    public int Decimals { get; init; } = 9;

    /// <summary>Iteration stops once the total surplus falls below omega.</summary>
    public decimal Omega { get; init; } = 0.000001m;

    public QuotaKind Quota { get; init; } = QuotaKind.Droop;

    /// <summary>Candidate indices; among tied candidates the one listed first is defeated. Default: candidate order.</summary>
    public IReadOnlyList<int>? TieBreakOrder { get; init; }

    /// <summary>Candidates that cannot be defeated and are elected at the end at the latest (e.g. re-counts for a vacancy).</summary>
    public IReadOnlySet<int>? Protected { get; init; }

    /// <summary>Ranks a voter could use; a ballot that runs out with fewer ranks used counts as an abstention.</summary>
    public int? MaxRankingLevels { get; init; }

    /// <summary>
    /// Count the first round even when every hopeful candidate can be elected without it. The reference rule
    /// skips that count (false); counting it changes no winner but reports first-round totals.
    /// </summary>
    public bool AlwaysCountFirstRound { get; init; } = true;

    public BatchDefeats BatchDefeats { get; init; } = BatchDefeats.Never;

    /// <summary>Per round (index 0 = round 1): whether batch defeats are allowed; null means every round.</summary>
    public IReadOnlyList<bool>? BatchDefeatRounds { get; init; }
}
