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
    public void Ess_cells_are_placed_by_reference_from_shared_inline_and_formula_strings()
    {
        // As spreadsheet programs write them: shared strings (one with rich-text runs and a phonetic
        // run that is not part of the text), skipped cells and rows, a formula, a style-only cell,
        // and a first sheet that is not sheet1.xml.
        var path = Path.Combine(dir, "cvr.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }
            const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            Add("xl/workbook.xml", $"""<workbook xmlns="{main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="CVR" sheetId="2" r:id="rId7"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>""");
            Add("xl/strings.xml", $"""<sst xmlns="{main}"><si><t>id</t></si><si><t xml:space="preserve">A </t></si><si><r><t>Be</t></r><r><rPr><b/></rPr><t>e</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si/><si><t>undervote</t></si></sst>""");
            Add("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{main}"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>Zed</t></is></c></row></sheetData></worksheet>""");
            Add("xl/worksheets/sheet2.xml", $"""
                <worksheet xmlns="{main}"><dimension ref="A1:D6"/><sheetData>
                  <row r="1"><c r="A1" t="s"><v>0</v></c></row>
                  <row r="2"><c r="A2"><v>17</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><r><t>C</t></r></is></c></row>
                  <row r="4" spans="1:4"><c r="B4" t="s"><v>2</v></c><c t="s"><v>4</v></c><c r="D4" t="str"><f>"U"&amp;"WI"</f><v>UWI</v></c></row>
                  <row r="5"><c r="A5" s="1"/><c r="B5" s="2"/></row>
                  <row r="6"><c r="A6" t="inlineStr"><is><t>6</t></is></c><c r="C6" t="s"><v>3</v></c></row>
                </sheetData></worksheet>
                """);
        }
        using var stream = File.OpenRead(path);
        var rows = EssXlsxReader.Read(stream, "cvr.xlsx", Ess, Names, rankColumns: 3).ToList();
        Assert.Equal(3, rows.Count); // rows 2, 4 and 6: row 3 is missing and row 5 holds no value
        Assert.Equal([[], [0], [2]], rows[0].Ranks);
        Assert.Equal([[1], [], [3]], rows[1].Ranks);
        Assert.All(rows[2].Ranks, r => Assert.Empty(r));
    }

    [Fact]
    public void Ess_error_names_the_row_by_its_number_past_empty_rows()
    {
        var path = Path.Combine(dir, "cvr.xlsx");
        MinimalXlsx.Write(path, [["id", "1st"], ["1", "A"], [], [], ["5", "Zed"]]);
        using var stream = File.OpenRead(path);
        var error = Assert.Throws<CountingException>(() => EssXlsxReader.Read(stream, "cvr.xlsx", Ess, Names, 3).ToList());
        Assert.Equal(5, error.Line);
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
