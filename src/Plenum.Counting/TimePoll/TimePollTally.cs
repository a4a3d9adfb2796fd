namespace Plenum.Counting.TimePoll;

/// <summary>
/// Ranks the slots of a time poll. Best first by:
/// 1. most people available (yes + if need be): the point is to have as many there as possible;
/// 2. then most yes: fewer people put out;
/// 3. then the earliest start: decisions sooner rather than later;
/// 4. then the order in the poll, so the ranking is total and reproducible.
/// </summary>
public static class TimePollTally
{
    public const string Rule = "most available (yes + if need be), then most yes, then earliest start, then poll order";

    public static TimePollResult Run(IReadOnlyList<TimeSlot> slots, IReadOnlyList<TimePollBallot> ballots)
    {
        var yes = new int[slots.Count];
        var ifNeedBe = new int[slots.Count];
        var no = new int[slots.Count];
        var none = new int[slots.Count];
        for (var index = 0; index < ballots.Count; index++)
        {
            var answers = ballots[index].Answers;
            if (answers.Count != slots.Count)
                throw new CountingException($"participant {index + 1} answered {answers.Count} of {slots.Count} slots");
            for (var s = 0; s < slots.Count; s++)
            {
                var counter = answers[s] switch
                {
                    Availability.Yes => yes,
                    Availability.IfNeedBe => ifNeedBe,
                    Availability.No => no,
                    null => none,
                    _ => throw new CountingException($"participant {index + 1} gave an unknown answer for slot {s + 1}"),
                };
                counter[s]++;
            }
        }

        var tallies = slots.Select((slot, s) => new SlotTally(s, slot, yes[s], ifNeedBe[s], no[s], none[s])).ToArray();
        var ranking = tallies
            .OrderByDescending(t => t.Available)
            .ThenByDescending(t => t.Yes)
            .ThenBy(t => t.Slot.Start)
            .ThenBy(t => t.Index)
            .ToArray();
        var equallyGood = ranking.Length == 0
            ? []
            : ranking.Where(t => t.Available == ranking[0].Available && t.Yes == ranking[0].Yes).ToArray();
        return new TimePollResult(tallies, ranking, equallyGood);
    }
}
