namespace Plenum.Counting.Proposals;

public enum ProposalResult
{
    Passed,
    Failed,
    NoQuorum,
    /// <summary>An exact tie under <see cref="ProposalTieRule.ChairDecides"/>, with no chair decision given yet.</summary>
    TieAwaitingChair,
}
