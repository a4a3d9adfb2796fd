namespace Plenum.Counting.Proposals;

/// <summary>What a position on a proposal means for the decision; custom positions map onto one of these.</summary>
public enum PositionKind
{
    Agree,
    Abstain,
    Disagree,
    /// <summary>A block (paramount objection): stops consent and consensus, and any rule with a block limit.</summary>
    Block,
    /// <summary>Not supporting, but letting the group go ahead; may be limited by the rule.</summary>
    StandAside,
}
