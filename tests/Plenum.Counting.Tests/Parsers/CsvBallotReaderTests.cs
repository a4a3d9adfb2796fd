using Plenum.Counting.Condorcet;
using Plenum.Counting.Parsers;

namespace Plenum.Counting.Tests.Parsers;

public class CsvBallotReaderTests
{
    private static Plenum.Counting.Ballots.RankedElection Read(string text, IReadOnlyList<string>? candidates = null) =>
        CsvBallotReader.Read(new StringReader(text), "ballots.csv", candidates: candidates);

    [Fact]
    public void Reads_names_counts_and_skipped_ranks()
    {
        var election = Read("""
            rank1,rank2,rank3,count
            Memphis,Nashville,Chattanooga,42
            Nashville,,Knoxville,26

            "Chattanooga" , Knoxville,,15
            """);
        Assert.Equal(["Memphis", "Nashville", "Chattanooga", "Knoxville"], election.Candidates);
        Assert.Equal(3, election.Ballots.Count);
        Assert.Equal(83, election.TotalBallots);
        var second = election.Ballots[1];
        Assert.Equal(26, second.Weight);
        Assert.Equal([[1], [], [3]], second.Ranks);
        Assert.Equal([[2], [3]], election.Ballots[2].Ranks); // trailing empty rank dropped
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_count_is_optional()
    {
        var election = Read("rank2,RANK1\nB,A\nC,A\n");
        Assert.Equal(["A", "B", "C"], election.Candidates);
        Assert.Equal([[0], [1]], election.Ballots[0].Ranks);
        Assert.All(election.Ballots, b => Assert.Equal(1, b.Weight));
    }

    [Fact]
    public void Quoted_names_may_hold_commas_and_quotes()
    {
        var election = Read("rank1,rank2\n\"Smith, J\",\"the \"\"other\"\" one\"\n");
        Assert.Equal(["Smith, J", "the \"other\" one"], election.Candidates);
    }

    [Fact]
    public void A_given_candidate_list_fixes_the_numbering()
    {
        var election = Read("rank1\nB\n", ["A", "B"]);
        Assert.Equal([[1]], election.Ballots[0].Ranks);
        Assert.Equal(["A", "B"], election.Candidates);
    }

    [Fact]
    public void What_it_reads_counts()
    {
        var election = Read("rank1,rank2,rank3,rank4,count\n"
            + "Memphis,Nashville,Chattanooga,Knoxville,42\n"
            + "Nashville,Chattanooga,Knoxville,Memphis,26\n"
            + "Chattanooga,Knoxville,Nashville,Memphis,15\n"
            + "Knoxville,Chattanooga,Nashville,Memphis,17\n");
        Assert.Equal(["Nashville"], Schulze.Run(election).Winners);
    }

    [Fact]
    public void Reads_line_by_line_without_reading_ahead()
    {
        using var reader = new OneLineAtATimeReader(["rank1,count", "A,2", "B,1"]);
        var election = CsvBallotReader.Read(reader);
        Assert.Equal(3, election.TotalBallots);
    }

    public static TheoryData<string, string, int?> Malformed => new()
    {
        { "", "no header row", null },
        { "\n\n", "no header row", 2 },
        { "name,count\nA,1\n", "unknown column \"name\"", 1 },
        { "count\n1\n", "no rank columns", 1 },
        { "rank1,rank3\nA,B\n", "column rank2 is missing", 1 },
        { "rank1,rank1\nA,B\n", "column rank1 appears twice", 1 },
        { "rank1,count,count\nA,1,1\n", "two count columns", 1 },
        { "rank1,rank2\nA,B\nA\n", "expected 2 cells, found 1", 3 },
        { "rank1,rank2\nA,B,C\n", "expected 2 cells, found 3", 2 },
        { "rank1,count\nA,0\n", "count \"0\" is not a whole number of at least 1", 2 },
        { "rank1,count\nA,-3\n", "count \"-3\"", 2 },
        { "rank1,count\nA,2.5\n", "count \"2.5\"", 2 },
        { "rank1,count\nA,\n", "count \"\"", 2 },
        { "rank1,count\nA,99999999999999999999\n", "is not a whole number", 2 },
        { "rank1,rank2\n\"A,B\n", "unterminated quote", 2 },
        { "rank1,rank2\nA\"x,B\n", "stray quote in cell 1", 2 },
        { "rank1,rank2\nA,\"B\"x\n", "text after the closing quote in cell 2", 2 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_names_file_line_and_reason(string text, string message, int? line)
    {
        var error = Assert.Throws<CountingException>(() => Read(text));
        Assert.Contains(message, error.Message);
        Assert.Equal("ballots.csv", error.File);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Unknown_candidates_are_refused_when_the_list_is_given()
    {
        var error = Assert.Throws<CountingException>(() => Read("rank1\nA\nZ\n", ["A"]));
        Assert.Equal("ballots.csv:3: unknown candidate \"Z\"", error.Describe());
    }

    /// <summary>Fails the test if the reader is asked for everything at once.</summary>
    private sealed class OneLineAtATimeReader(string[] lines) : TextReader
    {
        private int _next;

        public override string? ReadLine() => _next < lines.Length ? lines[_next++] : null;

        public override string ReadToEnd() => throw new InvalidOperationException("read ahead");
    }
}
