namespace Plenum.Counting.Proposals;

/// <summary>The decision with everything needed to check it, and the reasoning in plain lines.</summary>
public sealed record ProposalOutcome
{
    public required ProposalResult Result { get; init; }
    /// <summary>Voters per position as cast, custom names included.</summary>
    public required IReadOnlyDictionary<string, long> Counts { get; init; }
    public required IReadOnlyDictionary<PositionKind, long> CountsByKind { get; init; }
    public required long Eligible { get; init; }
    public required long VotesCast { get; init; }
    /// <summary>The number the agreement is measured against (majority modes), else the votes cast.</summary>
    public required long Base { get; init; }
    /// <summary>The fewest agree votes that pass (majority modes and unanimity).</summary>
    public long? RequiredAgree { get; init; }
    /// <summary>The fewest voters for the quorum, when there is one.</summary>
    public long? QuorumRequired { get; init; }
    /// <summary>The threshold in words, e.g. "at least 2/3 of votes cast (abstentions not counted)".</summary>
    public required string Threshold { get; init; }
    public required IReadOnlyList<string> Explanation { get; init; }
}
