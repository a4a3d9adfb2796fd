using Plenum.Counting.Ballots;
using Plenum.Counting.Parsers;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Rctab;

public sealed class ReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("plenum-readers-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly CvrSource Ess = new()
    {
        FilePath = "cvr.xlsx", Provider = "ess", FirstVoteColumn = 2, FirstVoteRow = 2,
        OvervoteLabel = "overvote", SkippedRankLabel = "undervote", UndeclaredWriteInLabel = "UWI", OvervoteDelimiter = "|",
    };

    private static readonly CandidateNames Names = new(["A", "B", "C", "Undeclared Write-ins"],
        new Dictionary<int, IReadOnlyList<string>> { [1] = ["Bee"] }, undeclaredWriteIn: 3);

    private List<RankedBallot> ReadXlsx(params string?[][] rows)
    {
        var path = Path.Combine(dir, "cvr.xlsx");
        MinimalXlsx.Write(path, rows);
        using var stream = File.OpenRead(path);
        return EssXlsxReader.Read(stream, "cvr.xlsx", Ess, Names, rankColumns: 3).ToList();
    }

    [Fact]
    public void Ess_cells_become_ranks_with_labels_aliases_and_delimited_overvotes()
    {
        var ballots = ReadXlsx(
            ["id", "1st", "2nd", "3rd"],
            ["1", "A", "undervote", "Bee"],
            ["2", "overvote", "A|C", "UWI"],
            ["3", null, null, null]);
        Assert.Equal(3, ballots.Count);
        Assert.Equal([[0], [], [1]], ballots[0].Ranks);
        Assert.Equal([[RankedBallot.OvervoteMark], [0, 2], [3]], ballots[1].Ranks);
        Assert.All(ballots[2].Ranks, r => Assert.Empty(r));
    }

    [Fact]
    public void Ess_cell_naming_no_candidate_is_refused_with_file_and_row()
    {
        var error = Assert.Throws<CountingException>(() => ReadXlsx(["id", "1st"], ["1", "A"], ["2", "Zed"]));
        Assert.Equal("cvr.xlsx", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("\"Zed\" is not a candidate", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_by_name()
    {
        var path = Path.Combine(dir, "broken.xlsx");
        var real = File.ReadAllBytes(Conformance.PathOf("rctab", "_shared", "simple_ess_cvr.xlsx"));
        File.WriteAllBytes(path, real[..(real.Length / 3)]);
        using var stream = File.OpenRead(path);
        var error = Assert.Throws<CountingException>(() => EssXlsxReader.Read(stream, "broken.xlsx", Ess, Names, 3).ToList());
        Assert.Equal("broken.xlsx", error.File);
    }

    [Fact]
    public void Cdf_reader_finds_the_contest_and_ranks_of_each_cvr()
    {
        var config = RctabConfig.Load(Conformance.PathOf("rctab", "test_set_8_multi_cdf", "test_set_8_multi_cdf_config.json"));
        var names = new CandidateNames(config.Candidates);
        using var stream = File.OpenRead(Conformance.PathOf("rctab", "test_set_8_multi_cdf", "test_set_8_multi_cdf_cvr_1.json"));
        var ballots = CdfJsonReader.Read(stream, "cvr_1.json", config.Sources[0], names, config.MaxRankings);
        Assert.Equal(12, ballots.Count);
        Assert.All(ballots, b => Assert.InRange(b.Ranks.Count, 1, 4));
    }

    [Fact]
    public void Broken_cdf_json_is_refused_with_file_and_line()
    {
        var text = File.ReadAllText(Conformance.PathOf("rctab", "test_set_1_exhaust_at_overvote", "test_set_1_exhaust_at_overvote_cvr.json"));
        var lines = text.Split('\n');
        lines[9] = lines[9] + " ]]";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var source = new CvrSource { FilePath = "bad.json", Provider = "cdf", ContestId = "test set 1" };
        var error = Assert.Throws<CountingException>(() => CdfJsonReader.Read(stream, "bad.json", source, Names));
        Assert.Equal("bad.json", error.File);
        Assert.Equal(10, error.Line);
        Assert.StartsWith("malformed JSON", error.Message);
    }

    [Fact]
    public void Cdf_with_an_unknown_contest_or_candidate_is_refused()
    {
        var path = Conformance.PathOf("rctab", "test_set_1_exhaust_at_overvote", "test_set_1_exhaust_at_overvote_cvr.json");
        var wrongContest = new CvrSource { FilePath = "cvr.json", Provider = "cdf", ContestId = "no such contest" };
        using (var stream = File.OpenRead(path))
            Assert.Contains("\"no such contest\" is not in the file",
                Assert.Throws<CountingException>(() => CdfJsonReader.Read(stream, "cvr.json", wrongContest, Names)).Message);
        var rightContest = wrongContest with { ContestId = "test set 1" };
        using (var stream = File.OpenRead(path))
            Assert.Contains("\"Candidate A Name\" is not a candidate",
                Assert.Throws<CountingException>(() => CdfJsonReader.Read(stream, "cvr.json", rightContest, Names)).Message);
    }
}
