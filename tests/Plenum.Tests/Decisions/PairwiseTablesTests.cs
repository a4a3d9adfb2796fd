using Plenum.Counting.Condorcet;
using Plenum.Decisions;

namespace Plenum.Tests.Decisions;

public sealed class PairwiseTablesTests
{
    [Fact]
    public void The_matrix_shows_each_contest_with_the_winner_of_each_pair_in_bold()
    {
        var count = SampleCounts.Schulze;
        var details = CondorcetDetails.From(count)!;
        var table = PairwiseTables.Matrix(details, count.Candidates);

        Assert.Equal(count.Candidates, table.Columns);
        Assert.Equal(count.Candidates, table.Rows.Select(r => r.Header));
        Assert.Equal("wins", table.StrongMeaning);
        for (var a = 0; a < 4; a++)
        for (var b = 0; b < 4; b++)
        {
            var cell = table.Rows[a].Cells[b];
            if (a == b) { Assert.Equal("–", cell.Text); continue; }
            Assert.Equal(details.Pairwise[a][b].ToString(), cell.Text);
            Assert.Equal(details.Pairwise[a][b] > details.Pairwise[b][a], cell.Strong);
        }
        // Ana against Dee: 5 ballots put Ana higher, 3 Dee. Ana and Bo are level at 3 each: bold for neither.
        Assert.Equal(("5", true), (table.Rows[0].Cells[3].Text, table.Rows[0].Cells[3].Strong));
        Assert.Equal(("3", false), (table.Rows[3].Cells[0].Text, table.Rows[3].Cells[0].Strong));
        Assert.Equal(("3", false, "3", false), (table.Rows[0].Cells[1].Text, table.Rows[0].Cells[1].Strong, table.Rows[1].Cells[0].Text, table.Rows[1].Cells[0].Strong));
    }

    [Fact]
    public void Strongest_paths_show_when_the_count_recorded_them()
    {
        var count = SampleCounts.Schulze;
        var paths = PairwiseTables.StrongestPaths(CondorcetDetails.From(count)!, count.Candidates)!;
        Assert.Equal("stronger", paths.StrongMeaning);
        Assert.Contains(paths.Rows[0].Cells, c => c.Strong);

        var rankedPairs = CondorcetDetails.From(RankedPairs.Run(SampleCounts.Delegates(1)))!;
        Assert.Null(PairwiseTables.StrongestPaths(rankedPairs, count.Candidates));
    }
}
