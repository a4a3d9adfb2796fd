namespace Plenum.Counting.Proposals;

public enum DecisionMode
{
    /// <summary>Everyone who takes part agrees or stands aside (abstentions aside): any disagreement or block stops it; at least one must agree.</summary>
    Consensus,
    /// <summary>Passes unless blocked (paramount objection): blocks reaching the block limit (default 1) stop it; disagreement does not.</summary>
    Consent,
    /// <summary>More than half of the base agrees. Exactly half is a tie, settled by the tie rule.</summary>
    SimpleMajority,
    /// <summary>At least the rule's fraction of the base agrees (1/2, 3/5, 2/3 or any custom fraction); reaching it exactly passes.</summary>
    QualifiedMajority,
    /// <summary>Everyone in the base agrees.</summary>
    Unanimity,
}
