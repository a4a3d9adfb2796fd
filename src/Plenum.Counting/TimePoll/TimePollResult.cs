namespace Plenum.Counting.TimePoll;

/// <summary>The counts for a time poll and its ranking.</summary>
/// <param name="Slots">Per slot, in the poll's order.</param>
/// <param name="Ranking">All slots, best first (the order is described on <see cref="TimePollTally"/>).</param>
/// <param name="EquallyGood">Slots equal to the best on both available and yes, the best included: only time told them apart.</param>
public sealed record TimePollResult(
    IReadOnlyList<SlotTally> Slots,
    IReadOnlyList<SlotTally> Ranking,
    IReadOnlyList<SlotTally> EquallyGood)
{
    public SlotTally? Best => Ranking.Count > 0 ? Ranking[0] : null;
}
