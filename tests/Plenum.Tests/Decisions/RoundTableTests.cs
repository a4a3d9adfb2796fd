using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Decisions;

namespace Plenum.Tests.Decisions;

public sealed class RoundTableTests
{
    static ResultRow Row(ResultTable table, string header) => table.Rows.Single(r => r.Header == header);

    [Fact]
    public void A_meek_count_sheet_has_votes_quota_surplus_exhausted_by_reason_keep_factors_and_who_went_why()
    {
        var table = RoundTable.For(SampleCounts.Meek, "quota");

        Assert.Equal(["Round 1", "Round 2", "Round 3"], table.Columns);
        Assert.Equal(["Ana", "Dee", "Bo", SampleCounts.Markup], table.Rows.Where(r => !r.Summary).Select(r => r.Header));
        var ana = Row(table, "Ana").Cells;
        Assert.Equal(("3", true, "elected"), (ana[0].Text, ana[0].Strong, ana[0].Note));
        Assert.Equal(("2.666666667", false, "−0.333333333"), (ana[1].Text, ana[1].Strong, ana[1].Note));
        Assert.Equal("–", Row(table, SampleCounts.Markup).Cells[2].Text); // out of the count

        Assert.Equal(["2.666666667", "2.666666667", "2.62962963"], Row(table, "Quota").Cells.Select(c => c.Text));
        Assert.Equal("0.333333333", Row(table, "Surplus").Cells[0].Text);
        Assert.Equal("0.111111111", Row(table, "Ranked no further").Cells[2].Text);
        Assert.Equal("0", Row(table, "Overvoted").Cells[2].Text);
        Assert.Equal("Ana 0.888888889", Row(table, "Keep factors below 1").Cells[1].Text);

        var elected = Row(table, "Elected").Cells;
        Assert.Equal("Ana: reached the quota of 2.666666667", elected[0].Text);
        Assert.Equal("Dee: reached the quota of 2.62962963", elected[2].Text);
        var eliminated = Row(table, "Eliminated").Cells;
        Assert.Equal($"{SampleCounts.Markup}: fewest votes (1.111111111)", eliminated[1].Text);
        Assert.Equal("Bo: the seats were filled", eliminated[2].Text);
    }

    [Fact]
    public void A_scottish_stage_that_excludes_one_and_then_fills_the_seats_gives_each_its_own_reason()
    {
        var eliminated = Row(RoundTable.For(SampleCounts.Scottish, "quota"), "Eliminated").Cells;
        Assert.Equal($"{SampleCounts.Markup}: fewest votes (1); Bo: the seats were filled", eliminated[1].Text);
    }

    [Fact]
    public void An_irv_count_sheet_shows_the_threshold_the_votes_moved_and_a_tie_with_the_rule_that_broke_it()
    {
        var table = RoundTable.For(SampleCounts.Irv, "threshold");
        Assert.Equal(["5", "5", "5"], Row(table, "Threshold").Cells.Select(c => c.Text));
        Assert.Contains("from Bo: Ana +2", Row(table, "Votes moved").Cells.Select(c => c.Text));
        Assert.Equal("Ana: reached the threshold of 5", Row(table, "Elected").Cells[2].Text);

        // B and C tie for last; by candidate order the latest listed (C) goes out, and the sheet says so.
        var tied = IrvCount.Run(new RankedElection(["A", "B", "C"], 1, [RankedBallot.Of(2, 0), RankedBallot.Of(1, 1, 2), RankedBallot.Of(1, 2, 1)]), new IrvRules());
        var reason = Row(RoundTable.For(tied, "threshold"), "Eliminated").Cells[0].Text;
        Assert.Equal("C: tie with B, broken by candidate order: latest listed loses", reason);
    }
}
