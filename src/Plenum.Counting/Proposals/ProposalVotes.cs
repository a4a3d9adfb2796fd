namespace Plenum.Counting.Proposals;

/// <summary>
/// Who could decide and what they said: how many voters took each position (by position name).
/// Everyone who took any position, abstaining included, has voted.
/// </summary>
public sealed record ProposalVotes(long Eligible, IReadOnlyDictionary<string, long> Counts)
{
    /// <summary>People present (a meeting's attendance); when not given, everyone who voted.</summary>
    public long? Present { get; init; }

    public IReadOnlyList<CustomPosition> CustomPositions { get; init; } = [];

    /// <summary>The chair's decision on a tie, under <see cref="ProposalTieRule.ChairDecides"/>: true passes.</summary>
    public bool? ChairDecision { get; init; }
}
