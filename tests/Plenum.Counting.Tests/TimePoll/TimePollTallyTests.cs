using Plenum.Counting.TimePoll;
using static Plenum.Counting.TimePoll.Availability;

namespace Plenum.Counting.Tests.TimePoll;

public class TimePollTallyTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 18, 0, 0, TimeSpan.Zero);

    private static TimeSlot Slot(string label, int daysAfterMonday) => new(label, Monday.AddDays(daysAfterMonday));

    private static TimePollBallot Ballot(params Availability?[] answers) => new(answers);

    [Fact]
    public void Most_available_wins_even_with_fewer_yes()
    {
        var slots = new[] { Slot("Mon", 0), Slot("Tue", 1) };
        var result = TimePollTally.Run(slots,
        [
            Ballot(Yes, IfNeedBe),
            Ballot(Yes, IfNeedBe),
            Ballot(No, IfNeedBe),
        ]);
        Assert.Equal("Tue", result.Best!.Slot.Label);
        Assert.Equal(3, result.Best.Available);
        Assert.Equal(new SlotTally(0, slots[0], 2, 0, 1, 0), result.Slots[0]);
    }

    [Fact]
    public void Equal_availability_goes_to_more_yes()
    {
        var result = TimePollTally.Run([Slot("Mon", 0), Slot("Tue", 1)],
        [
            Ballot(IfNeedBe, Yes),
            Ballot(Yes, Yes),
        ]);
        Assert.Equal("Tue", result.Best!.Slot.Label);
        Assert.Single(result.EquallyGood);
    }

    [Fact]
    public void Equal_on_both_goes_to_the_earliest_start_not_the_poll_order()
    {
        var result = TimePollTally.Run([Slot("Wed", 2), Slot("Mon", 0), Slot("Tue", 1)],
        [
            Ballot(Yes, Yes, No),
            Ballot(IfNeedBe, IfNeedBe, Yes),
        ]);
        Assert.Equal(["Mon", "Wed", "Tue"], result.Ranking.Select(t => t.Slot.Label));
        Assert.Equal(["Mon", "Wed"], result.EquallyGood.Select(t => t.Slot.Label));
    }

    [Fact]
    public void Missing_answers_are_counted_apart_from_no()
    {
        var result = TimePollTally.Run([Slot("Mon", 0)], [Ballot([null]), Ballot(No)]);
        Assert.Equal(1, result.Slots[0].NoAnswer);
        Assert.Equal(1, result.Slots[0].No);
        Assert.Equal(0, result.Slots[0].Available);
    }

    [Fact]
    public void A_ballot_with_the_wrong_number_of_answers_is_refused()
    {
        Assert.Throws<CountingException>(() => TimePollTally.Run([Slot("Mon", 0), Slot("Tue", 1)], [Ballot(Yes)]));
    }

    [Fact]
    public void An_empty_poll_has_no_best_slot()
    {
        Assert.Null(TimePollTally.Run([], []).Best);
    }
}
