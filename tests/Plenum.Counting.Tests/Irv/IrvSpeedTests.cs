using System.Diagnostics;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Parsers;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Irv;

/// <summary>Timed tests run alone, so other tests reading large files do not take their CPU.</summary>
[CollectionDefinition(nameof(TimedTests), DisableParallelization = true)]
public sealed class TimedTests;

[Collection(nameof(TimedTests))]
public class IrvSpeedTests
{
    private static TimeSpan Timed(Action count)
    {
        var clock = Stopwatch.StartNew();
        count();
        return clock.Elapsed;
    }

    [Fact]
    public void A_million_varied_ballots_count_well_under_a_second()
    {
        var patterns = new[] { RankedBallot.Of(1, 0, 1), RankedBallot.Of(1, 1, 2), RankedBallot.Of(1, 2, 0), RankedBallot.Of(1, 2), new RankedBallot([[0, 1], [2]]) };
        // Fresh rank arrays for every ballot, as a reader produces them, so grouping cannot lean on shared references.
        var ballots = Enumerable.Range(0, 1_000_000)
            .Select(i => new RankedBallot(patterns[i % 7 % patterns.Length].Ranks.Select(r => r.ToArray()).ToArray()))
            .ToList();
        var election = new RankedElection(["A", "B", "C"], 1, ballots);
        IrvCount.Run(election with { Ballots = ballots[..1000] }, new IrvRules()); // compile the count before timing it
        var elapsed = Timed(() => IrvCount.Run(election, new IrvRules()));
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>The shared benchmark: Minneapolis 2013 mayor thirteen times over, every count times 13.</summary>
    [Fact]
    public void Minneapolis_mayor_thirteen_times_over_gives_thirteen_times_every_count()
    {
        var name = "2013_minneapolis_mayor";
        var config = RctabConfig.Load(Conformance.PathOf("rctab", name, $"{name}_config.json"));
        var once = config.ReadElection();
        var ballots = new List<RankedBallot>(1_041_313);
        for (var copy = 0; copy < 13; copy++)
            foreach (var ballot in once.Ballots)
                for (var i = 0; i < ballot.Weight; i++)
                    ballots.Add(new RankedBallot(ballot.Ranks.Select(r => r.ToArray()).ToArray()));
        Assert.Equal(1_041_313, ballots.Count);

        var single = IrvCount.Run(once, config.Rules);
        Results.CountResult thirteen = null!;
        var elapsed = Timed(() => thirteen = IrvCount.Run(once with { Ballots = ballots }, config.Rules));

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(single.Winners, thirteen.Winners);
        Assert.Equal(single.Rounds.Count, thirteen.Rounds.Count);
        for (var r = 0; r < single.Rounds.Count; r++)
        {
            Assert.Equal(single.Rounds[r].Tallies.ToDictionary(t => t.Key, t => t.Value * 13), thirteen.Rounds[r].Tallies);
            Assert.Equal(single.Rounds[r].Inactive.ToDictionary(t => t.Key, t => t.Value * 13), thirteen.Rounds[r].Inactive);
            Assert.Equal(single.Rounds[r].Eliminated, thirteen.Rounds[r].Eliminated);
        }
    }
}
