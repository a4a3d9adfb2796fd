namespace Plenum.Counting.Proposals;

/// <summary>How a group decides a proposal. Presets below; adjust with <c>with { … }</c>.</summary>
public sealed record ProposalRule
{
    public required DecisionMode Mode { get; init; }
    /// <summary>The share that must agree, for <see cref="DecisionMode.QualifiedMajority"/>.</summary>
    public Fraction? Threshold { get; init; }
    public Quorum? Quorum { get; init; }
    public ThresholdBase ThresholdBase { get; init; } = ThresholdBase.VotesCast;
    /// <summary>Whether abstentions and stand-asides are in the base of votes cast (they then weigh like disagreement).</summary>
    public bool AbstentionsInBase { get; init; }
    /// <summary>Fails when blocks reach this number. Consent and consensus default to 1; majority modes to no limit.</summary>
    public int? BlockLimit { get; init; }
    /// <summary>Fails when stand-asides exceed this number.</summary>
    public int? StandAsideLimit { get; init; }
    public ProposalTieRule TieRule { get; init; } = ProposalTieRule.Fails;
    public ulong LotSeed { get; init; }

    public static ProposalRule Consensus => new() { Mode = DecisionMode.Consensus };
    public static ProposalRule Consent => new() { Mode = DecisionMode.Consent };
    public static ProposalRule SimpleMajority => new() { Mode = DecisionMode.SimpleMajority };
    public static ProposalRule Unanimity => new() { Mode = DecisionMode.Unanimity };
    public static ProposalRule Qualified(Fraction threshold) => new() { Mode = DecisionMode.QualifiedMajority, Threshold = threshold };

    internal int? EffectiveBlockLimit =>
        BlockLimit ?? (Mode is DecisionMode.Consent or DecisionMode.Consensus ? 1 : null);
}
