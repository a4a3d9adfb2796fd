namespace Plenum.Counting.Proposals;

/// <summary>What happens when a simple majority vote is exactly split.</summary>
public enum ProposalTieRule
{
    Fails,
    /// <summary>The chair decides (<see cref="ProposalVotes.ChairDecision"/>); until then the outcome is <see cref="ProposalResult.TieAwaitingChair"/>.</summary>
    ChairDecides,
    /// <summary>A lot drawn with the rule's seed (SplitMix64, one draw below 2: 0 passes).</summary>
    Lot,
}
