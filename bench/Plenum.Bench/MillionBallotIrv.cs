using BenchmarkDotNet.Attributes;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Parsers;
using Plenum.Counting.Simple;

namespace Plenum.Bench;

/// <summary>
/// IRV on the Minneapolis 2013 mayor ballots thirteen times over (1,041,313 ballots, 35 candidates,
/// 33 rounds), each ballot a separate object as a reader yields them. Baseline: a plurality count of
/// the same list, i.e. one pass over every ballot.
/// </summary>
[MemoryDiagnoser]
public class MillionBallotIrv
{
    RankedElection _election = null!;
    IrvRules _rules = null!;

    [GlobalSetup]
    public void Load()
    {
        var config = RctabConfig.Load(SharedData.PathOf("rctab", "2013_minneapolis_mayor", "2013_minneapolis_mayor_config.json"));
        var once = config.ReadElection();
        var ballots = new List<RankedBallot>(1_041_313);
        for (var copy = 0; copy < 13; copy++)
            foreach (var ballot in once.Ballots)
                for (var i = 0; i < ballot.Weight; i++)
                    ballots.Add(new RankedBallot([.. ballot.Ranks.Select(r => r.ToArray())]));
        _election = once with { Ballots = ballots };
        _rules = config.Rules;
    }

    [Benchmark(Baseline = true)]
    public object OnePassPlurality() => Plurality.Run(_election);

    [Benchmark]
    public object InstantRunoff() => IrvCount.Run(_election, _rules);
}
