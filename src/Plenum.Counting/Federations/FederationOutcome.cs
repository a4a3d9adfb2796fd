using Plenum.Counting.Proposals;

namespace Plenum.Counting.Federations;

/// <summary>A federation decision's outcome with its counts and the reasoning in plain lines.</summary>
public sealed record FederationOutcome
{
    public required ProposalResult Result { get; init; }
    public required int GroupsAgree { get; init; }
    public required int GroupsDisagree { get; init; }
    public required int GroupsAbstain { get; init; }
    public required int GroupsWithoutPosition { get; init; }
    public required long IndividualsAgree { get; init; }
    public required long IndividualsDisagree { get; init; }
    public required IReadOnlyList<string> Explanation { get; init; }

    /// <summary>The position this outcome gives the federation when it is itself a member of a larger one.</summary>
    public GroupPosition AsPosition => Result == ProposalResult.Passed ? GroupPosition.Agree
        : Result == ProposalResult.Failed ? GroupPosition.Disagree : GroupPosition.None;
}
