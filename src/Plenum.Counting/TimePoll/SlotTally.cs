namespace Plenum.Counting.TimePoll;

/// <summary>The answers for one slot. <see cref="Index"/> is the slot's position in the poll.</summary>
public sealed record SlotTally(int Index, TimeSlot Slot, int Yes, int IfNeedBe, int No, int NoAnswer)
{
    /// <summary>Everyone who can come: yes and if-need-be.</summary>
    public int Available => Yes + IfNeedBe;
}
