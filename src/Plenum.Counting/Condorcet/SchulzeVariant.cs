namespace Plenum.Counting.Condorcet;

/// <summary>How strong a pairwise defeat a beats b is, for Schulze's strongest paths.</summary>
public enum SchulzeVariant
{
    /// <summary>d[a, b], the votes for the winner of the pair (Schulze's recommended measure).</summary>
    WinningVotes,
    /// <summary>d[a, b] − d[b, a], the winner's lead.</summary>
    Margins,
}
