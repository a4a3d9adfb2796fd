using Plenum.Counting.Lots;

namespace Plenum.Counting.Tests.Lots;

public class TieBreakingTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_outputs_for_seed_0()
    {
        var random = new SplitMix64(0);
        Assert.Equal(16294208416658607535UL, random.Next());
        Assert.Equal(7960286522194355700UL, random.Next());
        Assert.Equal(487617019471545679UL, random.Next());
    }

    [Fact]
    public void NextBelow_stays_in_range_and_reaches_every_value()
    {
        var random = new SplitMix64(99);
        var seen = new bool[7];
        for (var i = 0; i < 1000; i++) seen[random.NextBelow(7)] = true;
        Assert.All(seen, Assert.True);
    }

    [Fact]
    public void A_lot_is_a_permutation_fixed_by_its_seed()
    {
        var priority = TieBreaking.Lot(2024).PriorityOf(10);
        Assert.Equal(Enumerable.Range(0, 10), priority.Order());
        Assert.Equal(priority, TieBreaking.Lot(2024).PriorityOf(10));
        Assert.NotEqual(priority, TieBreaking.Lot(2025).PriorityOf(10));
    }

    [Fact]
    public void Candidate_order_prefers_the_first_listed()
    {
        Assert.Equal([0, 1, 2], TieBreaking.CandidateOrder.PriorityOf(3));
        Assert.Null(TieBreaking.CandidateOrder.Record(1, ["A", "B"], "A").Seed);
    }
}
