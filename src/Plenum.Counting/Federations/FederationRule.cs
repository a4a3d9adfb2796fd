using Plenum.Counting.Proposals;

namespace Plenum.Counting.Federations;

/// <summary>A federation's rule for counting its member groups.</summary>
public sealed record FederationRule
{
    public FederationCounting Counting { get; init; } = FederationCounting.GroupVotes;
    /// <summary>The share of the groups that took a position (agree or disagree) that must agree.</summary>
    public Majority Groups { get; init; } = Majority.Simple;
    /// <summary>For a double majority: the share of individual agree and disagree votes that must agree.</summary>
    public Majority Individuals { get; init; } = Majority.Simple;
    /// <summary>The share of member groups that must reach a position (abstaining counts) for the count to stand; null for none.</summary>
    public Fraction? GroupQuorum { get; init; }
    /// <summary>Whether groups that abstain count in the base, weighing like disagreement.</summary>
    public bool AbstentionsInBase { get; init; }
}
