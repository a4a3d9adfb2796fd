using System.Text;
using Plenum.Counting.Ballots;
using Plenum.Counting.Parsers;

namespace Plenum.Counting.Tests.Parsers;

public class BltReaderTests
{
    private static BltDocument Read(string text) =>
        BltReader.ReadDocument(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.blt");

    [Fact]
    public void Reads_header_withdrawn_ballots_names_and_title()
    {
        var doc = Read("3 2 # three candidates\n-2\n4 1 3 0\n2 2=3 - 1 0\n0\n\"Ann\"\n\"Bob\"\n\"Cy\"\n\"Board 2025\"\n");
        var e = doc.Election;
        Assert.Equal(["Ann", "Bob", "Cy"], e.Candidates);
        Assert.Equal(2, e.Seats);
        Assert.Equal([1], e.WithdrawnCandidates);
        Assert.Equal("Board 2025", e.Title);
        Assert.Equal(4, e.Ballots[0].Weight);
        Assert.Equal([1, 2], e.Ballots[1].Ranks[0]);
        Assert.Empty(e.Ballots[1].Ranks[1]);
        Assert.Equal([0], e.Ballots[1].Ranks[2]);
    }

    [Fact]
    public void Reads_nicknames_withdrawn_and_tie_options()
    {
        var doc = Read("3 1\n[nick a b c]\n[withdrawn b]\n[tie c a b]\n1 a c 0\n0\n\"A\" \"B\" \"C\"\n\"T\"\n");
        Assert.Equal([2, 0, 1], doc.TieBreakOrder);
        Assert.Equal([1], doc.Election.WithdrawnCandidates);
        Assert.Equal([[0], [2]], doc.Election.Ballots[0].Ranks);
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("3\n", 1, "candidates seats")]
    [InlineData("2 1\n1 1 2\n0\n\"A\"\n\"B\"\n", 2, "end with 0")]            // ballot line not terminated
    [InlineData("2 1\n1 1 3 0\n0\n\"A\"\n\"B\"\n", 2, "no candidate 3")]      // candidate out of range
    [InlineData("2 1\n-1 1 2 0\n1 x 0\n0\n\"A\"\n\"B\"\n", 2, "negative")]      // withdrawn line with a ballot on it
    [InlineData("2 1\n1.5 1 0\n0\n\"A\"\n\"B\"\n", 2, "positive whole weight")] // fractional weight
    [InlineData("2 1\n1 1 0\n\"A\"\n\"B\"\n", 3, "positive whole weight")]      // no 0 line: names read as ballots
    [InlineData("2 1\n1 1 0\n", 2, "must end with a line holding 0")]
    [InlineData("2 1\n1 1 0\n0\n\"A\"\n", 4, "expected 2 quoted candidate names")]
    [InlineData("2 1\n1 1 0\n0\nA\nB\n", 4, "double quotes")]
    [InlineData("2 1\n[color red]\n0\n\"A\"\n\"B\"\n", 2, "unknown option")]
    public void Malformed_files_name_the_line_and_the_reason(string text, int line, string reason)
    {
        var error = Assert.Throws<CountingException>(() => Read(text));
        Assert.Equal("test.blt", error.File);
        Assert.Contains(reason, error.Message);
        if (line > 0) Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Vegetables_file_from_stv_rs_reads_completely()
    {
        var doc = BltReader.ReadFile(Support.Conformance.PathOf("stv-rs", "testdata", "ballots", "vegetables.blt"));
        Assert.Equal(9, doc.Election.Candidates.Count);
        Assert.Equal(45, doc.Election.TotalBallots);
        Assert.Equal("Vegetable contest", doc.Election.Title);
    }
}
