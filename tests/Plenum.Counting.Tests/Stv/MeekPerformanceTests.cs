using System.Diagnostics;
using Plenum.Counting.Ballots;
using Plenum.Counting.Stv;

namespace Plenum.Counting.Tests.Stv;

[Collection(SerialCollection.Name)]
public class MeekPerformanceTests
{
    /// <summary>Target: 100k ballots × 20 candidates × 5 seats counted in under 2 s.</summary>
    [Fact]
    public void Hundred_thousand_ballots_count_quickly()
    {
        var random = new Random(20240601);
        var candidates = Enumerable.Range(1, 20).Select(i => $"C{i}").ToList();
        var popularity = Enumerable.Range(0, 20).Select(i => 1.0 / (i + 1)).ToArray();
        var ballots = new List<RankedBallot>(100_000);
        for (var b = 0; b < 100_000; b++)
        {
            // rankings biased towards popular candidates, of varying length, mostly distinct
            var order = Enumerable.Range(0, 20).OrderBy(c => -popularity[c] * random.NextDouble()).Take(random.Next(1, 21)).ToArray();
            ballots.Add(RankedBallot.Of(1, order));
        }
        var election = new RankedElection(candidates, 5, ballots);

        var clock = Stopwatch.StartNew();
        var compileOnly = Stopwatch.StartNew();
        _ = CompiledBallots.Compile(election, MultiMarkReading.EqualRanking);
        compileOnly.Stop();
        clock.Restart();
        var result = MeekCount.Run(election);
        clock.Stop();

        Assert.Equal(5, result.Winners.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalSeconds:F2} s (compiling alone {compileOnly.Elapsed.TotalSeconds:F2} s, rounds {result.Rounds.Count}, iterations {string.Join(",", (int[])result.Details["iterations"])})");
    }
}
