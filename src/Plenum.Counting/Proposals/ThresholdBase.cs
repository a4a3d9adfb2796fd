namespace Plenum.Counting.Proposals;

/// <summary>What the share of agreement is measured against.</summary>
public enum ThresholdBase
{
    /// <summary>Votes cast: agree, disagree and block, plus abstain and stand aside when the rule counts abstentions in.</summary>
    VotesCast,
    /// <summary>All eligible voters: not voting counts like voting against.</summary>
    Eligible,
}
