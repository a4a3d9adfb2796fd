namespace Plenum.Counting.Results;

/// <summary>
/// The outcome of a count, with every round and every tie-break, so that anyone can follow
/// and check it. Values are decimals because rules prescribe decimal places; never doubles.
/// </summary>
public sealed record CountResult
{
    /// <summary>The method's id, as `plenum tally --method` names it (with a variant suffix such as "schulze-margins").</summary>
    public required string Method { get; init; }
    public required int Seats { get; init; }
    public required IReadOnlyList<string> Candidates { get; init; }
    /// <summary>Winners in the order they were elected.</summary>
    public required IReadOnlyList<string> Winners { get; init; }
    public IReadOnlyList<CountRound> Rounds { get; init; } = [];
    public IReadOnlyList<TieBreak> Ties { get; init; } = [];
    /// <summary>Method-specific facts (e.g. the pairwise matrix, the Smith set, the rule options used).</summary>
    public IReadOnlyDictionary<string, object> Details { get; init; } = new Dictionary<string, object>();
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record CountRound
{
    public required int Number { get; init; }
    /// <summary>Votes held by each continuing (or elected) candidate at the end of this round's count.</summary>
    public required IReadOnlyDictionary<string, decimal> Tallies { get; init; }
    public decimal? Quota { get; init; }
    public IReadOnlyList<string> Elected { get; init; } = [];
    public IReadOnlyList<string> Eliminated { get; init; } = [];
    /// <summary>Votes moved in this round: from one candidate to others (or to "exhausted").</summary>
    public IReadOnlyList<Transfer> Transfers { get; init; } = [];
    /// <summary>Ballot value no longer with any candidate, by reason: overvote, skipped ranks, exhausted choices, repeated ranking, residual surplus.</summary>
    public IReadOnlyDictionary<string, decimal> Inactive { get; init; } = new Dictionary<string, decimal>();
    public decimal? Surplus { get; init; }
    /// <summary>Meek keep factors, per candidate.</summary>
    public IReadOnlyDictionary<string, decimal>? KeepFactors { get; init; }
    public string? Note { get; init; }
}

public sealed record Transfer(string From, IReadOnlyDictionary<string, decimal> To);

/// <summary>A tie and how it was broken, recorded so the result can be reproduced.</summary>
public sealed record TieBreak(int Round, IReadOnlyList<string> Tied, string Chosen, string Rule, string? Seed = null);

/// <summary>Names of inactive-ballot reasons shared by all methods.</summary>
public static class InactiveReason
{
    public const string Overvote = "overvote";
    public const string SkippedRanks = "skipped ranks";
    public const string ExhaustedChoices = "exhausted choices";
    /// <summary>Exhausted before the voter used every rank allowed (STV test-case term: the voter abstained from ranking more).</summary>
    public const string Abstention = "abstention";
    public const string RepeatedRanking = "repeated ranking";
    public const string ResidualSurplus = "residual surplus";
    /// <summary>Multi-winner IRV: surplus of the last winners, with no seat left for it to help fill.</summary>
    public const string FinalRoundSurplus = "final round surplus";
}
