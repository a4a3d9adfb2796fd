using Plenum.Decisions;

namespace Plenum.Tests.Decisions;

public sealed class TotalsTableTests
{
    [Fact]
    public void Totals_of_a_single_round_count_are_listed_highest_first_with_the_winner_in_bold()
    {
        var table = TotalsTable.For(SampleCounts.Plurality, "Votes");
        Assert.Equal(["Votes"], table.Columns);
        Assert.Equal(["Ana", "Bo", "Dee", SampleCounts.Markup], table.Rows.Where(r => !r.Summary).Select(r => r.Header));
        Assert.Equal(("3", true, "chosen"), (table.Rows[0].Cells[0].Text, table.Rows[0].Cells[0].Strong, table.Rows[0].Cells[0].Note));
        Assert.False(table.Rows[1].Cells[0].Strong);
    }
}
