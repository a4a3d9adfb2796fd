using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Parsers;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Irv;

/// <summary>Speed itself is measured in bench/; this checks that a million ballots count exactly.</summary>
public class IrvMillionBallotTests
{
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
        var thirteen = IrvCount.Run(once with { Ballots = ballots }, config.Rules);

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
