using Plenum.Counting.Irv;
using Plenum.Counting.Parsers;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Rctab;

public sealed class RctabConfigTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("plenum-rctab-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(dir, "contest_config.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Config(string rules = "", string sources = """{ "filePath": "cvr.xlsx", "provider": "ess" }""") => $$"""
        {
          "cvrFileSources": [ {{sources}} ],
          "candidates": [ { "name": "A", "excluded": false }, { "name": "B", "excluded": true, "aliases": ["Bee"] } ],
          "rules": { "numberOfWinners": "1", "overvoteRule": "alwaysSkipToNextRank", "tiebreakMode": "random", "randomSeed": "-7",
                     "maxSkippedRanksAllowed": "unlimited", "maxRankingsAllowed": "max", "decimalPlacesForVoteArithmetic": "4" {{rules}} }
        }
        """;

    [Fact]
    public void Rules_candidates_and_sources_are_read()
    {
        var config = RctabConfig.Load(Write(Config(""", "batchElimination": true, "stopTabulationEarlyAfterRound": "3" """)));
        Assert.Equal(["A", "B"], config.Candidates);
        Assert.Equal([1], config.Excluded);
        Assert.Equal(["Bee"], config.Aliases[1]);
        Assert.Null(config.MaxRankings);
        Assert.Equal(OvervoteRule.AlwaysSkipToNextRank, config.Rules.Overvote);
        Assert.Null(config.Rules.MaxSkippedRanks);
        Assert.True(config.Rules.BatchElimination);
        Assert.Equal(3, config.Rules.StopAfterRound);
        Assert.Equal(TieBreakRule.Random, config.Rules.TieBreak);
        Assert.Equal(unchecked((ulong)-7L), config.Rules.RandomSeed);
        Assert.Equal("ess", Assert.Single(config.Sources).Provider);
    }

    [Fact]
    public void A_write_in_label_adds_the_write_in_stand_in()
    {
        var config = RctabConfig.Load(Write(Config(sources: """{ "filePath": "cvr.xlsx", "provider": "ess", "undeclaredWriteInLabel": "UWI" }""")));
        Assert.Equal("Undeclared Write-ins", config.Candidates[^1]);
        Assert.Equal(2, config.Rules.UndeclaredWriteIn);
    }

    [Fact]
    public void Malformed_json_is_refused_with_file_and_line()
    {
        var path = Write("{\n  \"rules\": {\n    \"numberOfWinners\": \"1\",,\n  }\n}");
        var error = Assert.Throws<CountingException>(() => RctabConfig.Load(path));
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData(""", "overvoteRule": "sometimes" """, "overvoteRule has an invalid value \"sometimes\"")]
    [InlineData(""", "tiebreakMode": "stopCountingAndAsk" """, "asks an operator")]
    [InlineData(""", "winnerElectionMode": "bottomsUp", "numberOfWinners": "2" """, "\"bottomsUp\" is not supported")]
    [InlineData(""", "stopTabulationEarlyAfterRound": "soon" """, "stopTabulationEarlyAfterRound has an invalid value \"soon\"")]
    public void Invalid_or_unsupported_settings_are_refused_by_name(string rules, string message)
    {
        var error = Assert.Throws<CountingException>(() => RctabConfig.Load(Write(Config(rules))));
        Assert.Contains(message, error.Message);
        Assert.NotNull(error.File);
    }

    [Fact]
    public void A_missing_cvr_file_is_refused_by_name()
    {
        var config = RctabConfig.Load(Write(Config()));
        var error = Assert.Throws<CountingException>(() => config.ReadElection());
        Assert.Equal("cvr.xlsx", error.File);
    }

    [Fact]
    public void A_broken_xlsx_named_by_a_config_is_refused_by_name()
    {
        File.WriteAllText(Path.Combine(dir, "cvr.xlsx"), "this is not a workbook");
        var config = RctabConfig.Load(Write(Config()));
        var error = Assert.Throws<CountingException>(() => config.ReadElection());
        Assert.Equal("cvr.xlsx", error.File);
        Assert.Contains("not a readable .xlsx workbook", error.Message);
    }

    [Fact]
    public void Every_rctab_config_in_the_conformance_data_loads()
    {
        foreach (var folder in Directory.GetDirectories(Conformance.PathOf("rctab")).Where(d => !Path.GetFileName(d).StartsWith('_')))
        {
            var name = Path.GetFileName(folder);
            var config = RctabConfig.Load(Path.Combine(folder, $"{name}_config.json"));
            Assert.NotEmpty(config.Sources);
        }
    }
}
