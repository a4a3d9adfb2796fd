using System.Text.Json.Nodes;
using Plenum.Counting.Parsers;
using Plenum.Counting.Results;
using Plenum.Counting.Stv;
using Plenum.Counting.Tests.Support;
using Xunit.Sdk;

namespace Plenum.Counting.Tests.Oracles;

/// <summary>All random contests counted by meeks-prf-js in one Node process, shared by the tests below.</summary>
public sealed class MeekOracleBatch
{
    public const int FirstSeed = 1001;
    public const int Contests = 20;

    public static IEnumerable<int> Seeds => Enumerable.Range(FirstSeed, Contests);

    public IReadOnlyDictionary<int, (MeekContest Contest, JsonNode Result)> BySeed { get; }

    public MeekOracleBatch()
    {
        var contests = Seeds.Select(MeekContest.Random).ToList();
        var input = new JsonArray(contests.Select(c => (JsonNode)c.OracleInput()).ToArray());
        var results = JsonNode.Parse(NodeOracle.Run("meek-oracle.cjs", input.ToJsonString()))!.AsArray();
        BySeed = contests.Zip(results).ToDictionary(p => p.First.Seed, p => (p.First, p.Second!));
    }
}

/// <summary>
/// Plenum's Meek count against meeks-prf-js, the PRF reference rule's JavaScript implementation, on
/// random contests: winners and the order they were elected in, and every round's tallies, quota,
/// surplus, iterations and inactive votes, each candidate's final status and keep factor, all at the
/// rule's 9 decimals exactly. No difference is tolerated: both claim to implement the same reference rule.
/// </summary>
public class MeekOracleTests(MeekOracleBatch batch) : IClassFixture<MeekOracleBatch>
{
    public static TheoryData<int> Seeds => [.. MeekOracleBatch.Seeds];

    [Theory, MemberData(nameof(Seeds))]
    public void Plenum_counts_a_random_contest_as_meeks_prf_js_does(int seed)
    {
        var (contest, oracle) = batch.BySeed[seed];
        var expected = MeekOracleResult.Read(oracle);
        var result = MeekCount.Run(contest.Election, contest.Rules);
        try
        {
            CaseAssertions.Matches(new CountingCase { FileName = $"seed {seed}", Election = contest.Election, Expected = expected }, result);
            ElectedInTheSameRounds(expected, result);
        }
        catch (XunitException e)
        {
            Assert.Fail($"MeekContest.Random({seed}) differs from meeks-prf-js: {e.Message}\n{Reproduce(contest)}");
        }
    }

    /// <summary>
    /// The package reports winners as a set (sorted by name), with the round each was elected in. Plenum's
    /// winners must come in that round order; winners of the same round have no order to compare.
    /// </summary>
    private static void ElectedInTheSameRounds(CaseExpectation expected, CountResult result)
    {
        var roundOf = expected.Statuses.Where(s => s.Status == "elected").ToDictionary(s => s.Candidate, s => s.Round);
        var rounds = result.Winners.Select(w => roundOf[w]).ToList();
        Assert.True(rounds.SequenceEqual(rounds.Order()),
            $"winners in the order elected: Plenum {string.Join(", ", result.Winners)}, elected in rounds {string.Join(", ", rounds)}");
    }

    /// <summary>Writes the contest where it can be counted by hand with the package's own CLI.</summary>
    private static string Reproduce(MeekContest contest)
    {
        var file = Path.Combine(Path.GetTempPath(), $"plenum-meek-oracle-seed-{contest.Seed}.json");
        File.WriteAllText(file, contest.OracleInput().ToJsonString());
        return $"reproduce: node {NodeOracle.Directory}/node_modules/meeks-prf-js {file}";
    }

    /// <summary>
    /// meek-oracle.cjs calls the package's library to count a whole batch in one process; this checks that it
    /// reports exactly what the package's CLI reports for the same input (the CLI writes doubles, exact at these sizes).
    /// </summary>
    [Fact]
    public void Batch_helper_reports_what_the_meeks_prf_js_cli_reports()
    {
        foreach (var seed in MeekOracleBatch.Seeds.Take(3))
        {
            var (contest, helperResult) = batch.BySeed[seed];
            var input = Path.GetTempFileName();
            var output = Path.GetTempFileName();
            try
            {
                File.WriteAllText(input, contest.OracleInput().ToJsonString());
                NodeOracle.Run("node_modules/meeks-prf-js", "", input, output);
                var cli = MeekOracleResult.Read(JsonNode.Parse(File.ReadAllText(output))!);
                var helper = MeekOracleResult.Read(helperResult);
                Assert.Equal(cli.Elected.Order(), helper.Elected.Order());
                Assert.Equal(cli.Statuses.OrderBy(s => s.Candidate), helper.Statuses.OrderBy(s => s.Candidate));
                Assert.Equal(cli.Tally.Keys.Order(), helper.Tally.Keys.Order());
                foreach (var (key, values) in cli.Tally)
                    Assert.Equal(values, helper.Tally[key]);
            }
            finally
            {
                File.Delete(input);
                File.Delete(output);
            }
        }
    }
}
