using Plenum.Counting.Proposals;

namespace Plenum.Decisions;

/// <summary>Words shown for decision states.</summary>
public static class DecisionText
{
    public static string Result(ProposalResult? result) => result switch
    {
        ProposalResult.Passed => "passed",
        ProposalResult.Failed => "did not pass",
        ProposalResult.NoQuorum => "no quorum",
        ProposalResult.TieAwaitingChair => "tied, awaiting the chair",
        _ => "open",
    };

    public static string Type(DecisionType type) => type switch
    {
        DecisionType.Proposal => "Proposal",
        DecisionType.Poll => "Poll",
        DecisionType.RankedChoice => "Ranked choice (instant-runoff)",
        DecisionType.Condorcet => "Ranked choice (Condorcet, Schulze)",
        DecisionType.Election => "Election of people (STV, Meek)",
        DecisionType.TimePoll => "Meeting time poll",
        DecisionType.Score => "Score the options",
        _ => "Dot vote",
    };
}
