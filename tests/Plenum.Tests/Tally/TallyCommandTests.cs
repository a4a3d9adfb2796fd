using System.Text.Json;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Tally;

/// <summary>`plenum tally` as an election official runs it: files in, a count sheet or JSON out, exit 2 on bad input.</summary>
public sealed class TallyCommandTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("plenum-tally-").FullName;

    string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    // Wikipedia's Tennessee capital example, per 100 voters: plurality Memphis, IRV Knoxville, Borda and Condorcet Nashville.
    string TennesseeBlt() => Write("tennessee.blt", """
        4 1
        42 1 2 3 4 0
        26 2 3 4 1 0
        15 3 4 2 1 0
        17 4 3 2 1 0
        0
        "Memphis"
        "Nashville"
        "Chattanooga"
        "Knoxville"
        "Tennessee capital"
        """);

    [Theory]
    [InlineData("plurality", "Memphis")]
    [InlineData("irv", "Knoxville")]
    [InlineData("borda", "Nashville")]
    [InlineData("schulze", "Nashville")]
    [InlineData("ranked-pairs", "Nashville")]
    [InlineData("meek", "Knoxville")]
    [InlineData("stv-wigm", "Knoxville")]
    [InlineData("stv-scottish", "Knoxville")]
    public void Counts_a_blt_file_by_the_chosen_method(string method, string winner)
    {
        var (exit, output, error) = PlenumProcess.Run("tally", TennesseeBlt(), "--method", method);
        Assert.True(exit == 0, error);
        Assert.Contains($"Elected: {winner}", output);
    }

    [Fact]
    public void Json_output_holds_the_rounds_and_method_id()
    {
        var (exit, output, _) = PlenumProcess.Run("tally", TennesseeBlt(), "--method", "irv", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("irv", json.RootElement.GetProperty("method").GetString());
        Assert.Equal("Knoxville", json.RootElement.GetProperty("winners")[0].GetString());
        var rounds = json.RootElement.GetProperty("rounds");
        Assert.Equal(3, rounds.GetArrayLength());
        Assert.Equal(42, rounds[0].GetProperty("tallies").GetProperty("Memphis").GetDecimal());
    }

    [Fact]
    public void Ranked_csv_and_score_csv_are_read()
    {
        var ranked = Write("ranked.csv", "rank1,rank2,count\nAda,Bo,3\nBo,,2\nCy,Bo,2\n");
        var irv = PlenumProcess.Run("tally", ranked, "-m", "irv");
        Assert.True(irv.Exit == 0, irv.Err);
        Assert.Contains("Elected: Bo", irv.Out);

        var scores = Write("scores.csv", "Ada,Bo,Cy,count\n5,4,,2\n0,4,5,1\n");
        var score = PlenumProcess.Run("tally", scores, "-m", "score", "--score-max", "5");
        Assert.True(score.Exit == 0, score.Err);
        Assert.Contains("Elected: Bo", score.Out);
    }

    [Fact]
    public void A_case_file_without_a_tie_breaker_breaks_irv_ties_by_candidate_order_as_a_blt_file_does()
    {
        // B and C tie for last in round 1; by candidate order the latest listed (C) loses.
        var caseFile = Write("tie.json", """{"nbr_seats_to_fill": 1, "candidates": ["A", "B", "C"], "ballots": [[2, ["A"]], [1, ["B", "C"]], [1, ["C", "B"]]]}""");
        var blt = Write("tie.blt", "3 1\n2 1 0\n1 2 3 0\n1 3 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n");
        foreach (var file in new[] { caseFile, blt })
        {
            var (exit, output, error) = PlenumProcess.Run("tally", file, "--method", "irv", "--json");
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("C", json.RootElement.GetProperty("rounds")[0].GetProperty("eliminated")[0].GetString());
        }
    }

    [Fact]
    public void An_rctab_configuration_names_its_cvr_files_and_rules()
    {
        var config = SharedConformance("rctab", "test_set_1_exhaust_at_overvote", "test_set_1_exhaust_at_overvote_config.json");
        var (exit, output, error) = PlenumProcess.Run("tally", "--config", config);
        Assert.True(exit == 0, error);
        Assert.Contains("Elected: Candidate B Name", output);

        var check = PlenumProcess.Run("tally", "--config", config, "--check");
        Assert.Equal(0, check.Exit);
        Assert.Matches(@"^\d+ ballots read", check.Out);
    }

    [Theory]
    [InlineData("3 1\n1 1 2 0\n1 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n", "bad.blt:3:")]
    [InlineData("3 1\n1 1 2 0\n", "bad.blt")]
    [InlineData("", "bad.blt")]
    public void A_malformed_file_is_refused_in_one_line_with_exit_2(string content, string where)
    {
        var (exit, output, error) = PlenumProcess.Run("tally", Write("bad.blt", content), "-m", "meek");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(where, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("--method", "coin-toss")]
    [InlineData("--seats", "0")]
    [InlineData("--variant", "dowdall")]
    public void A_bad_option_is_refused_in_one_line_with_exit_2(string option, string value)
    {
        var (exit, _, error) = PlenumProcess.Run("tally", TennesseeBlt(), "-m", "schulze", option, value);
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Help_documents_every_method_and_option()
    {
        var (exit, output, _) = PlenumProcess.Run("tally", "--help");
        Assert.Equal(0, exit);
        foreach (var text in new[] { "irv", "stv-scottish", "stv-wigm", "meek", "schulze", "ranked-pairs", "plurality", "approval", "borda", "score",
                     "--seats", "--format", "--config", "--json", "--overvote", "--max-skipped", "--tie-break", "--seed", "--quota", "--decimals" })
            Assert.Contains(text, output);
    }

    static string SharedConformance(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Plenum.sln")))
                return Path.Combine([dir.FullName, "..", "shared", "conformance", .. parts]);
        throw new DirectoryNotFoundException("repository root not found");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
