using Plenum.Counting.Lots;

namespace Plenum.Counting.Tests.Lots;

public sealed class SortitionTests
{
    static readonly string[] Volunteers = ["Gus", "Ana", "Fern", "Bo", "Eli", "Chidi", "Dara"];

    [Fact]
    public void A_published_seed_gives_the_same_selection_as_an_independent_reimplementation()
    {
        // Worked out with a separate Python implementation of the documented procedure (docs/sortition.md).
        Assert.Equal(["Dara", "Chidi", "Eli"], Sortition.Draw(Volunteers, 3, 0xff));
        Assert.Equal("1621af0b22457bcd05e278d1878bd73e3d83f17134285c575e551f8ddd9e91d3", Sortition.Commitment(0xff));
        Assert.Equal("00000000000000ff", Sortition.Format(0xff));
        Assert.Equal(0xffUL, Sortition.Parse("00000000000000FF"));
    }

    [Fact]
    public void The_order_volunteers_signed_up_in_does_not_matter()
    {
        Assert.Equal(Sortition.Draw(Volunteers, 4, 42), Sortition.Draw(Volunteers.Reverse(), 4, 42));
        Assert.Equal(Sortition.Draw(Volunteers, 4, 42), Sortition.Draw([.. Volunteers, " Ana "], 4, 42));
    }

    [Fact]
    public void Every_volunteer_is_about_equally_likely_to_be_chosen()
    {
        var chosen = Volunteers.ToDictionary(v => v, _ => 0);
        for (ulong seed = 0; seed < 7000; seed++)
            foreach (var person in Sortition.Draw(Volunteers, 2, seed)) chosen[person]++;
        // Expected 2000 each; a biased shuffle (e.g. modulo or a wrong swap range) is far outside ±10%.
        Assert.All(chosen.Values, n => Assert.InRange(n, 1800, 2200));
    }

    [Fact]
    public void Impossible_draws_and_bad_seeds_are_refused()
    {
        Assert.Throws<CountingException>(() => Sortition.Draw(["Ana", "Bo"], 3, 1));
        Assert.Throws<CountingException>(() => Sortition.Draw(["Ana", "Bo"], 0, 1));
        Assert.Throws<CountingException>(() => Sortition.Parse("xyz"));
        Assert.Throws<CountingException>(() => Sortition.Parse("123"));
    }
}
