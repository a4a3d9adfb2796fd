using BenchmarkDotNet.Attributes;
using Plenum.Counting.Ballots;
using Plenum.Counting.Simple;
using Plenum.Counting.Stv;

namespace Plenum.Bench;

/// <summary>
/// Meek STV on 100,000 ballots, 20 candidates, 5 seats (the target in the counting issue), with
/// rankings of every length biased towards popular candidates, so most ballots differ.
/// Baseline: a plurality count of the same ballots.
/// </summary>
[MemoryDiagnoser]
public class MeekHundredThousand
{
    RankedElection _election = null!;

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(20261123);
        var candidates = Enumerable.Range(1, 20).Select(i => $"C{i}").ToList();
        var ballots = new List<RankedBallot>(100_000);
        for (var b = 0; b < 100_000; b++)
        {
            var order = Enumerable.Range(0, 20).OrderBy(c => -random.NextDouble() / (c + 1)).Take(random.Next(1, 21)).ToArray();
            ballots.Add(RankedBallot.Of(1, order));
        }
        _election = new RankedElection(candidates, 5, ballots);
    }

    [Benchmark(Baseline = true)]
    public object OnePassPlurality() => Plurality.Run(_election);

    [Benchmark]
    public object Meek() => MeekCount.Run(_election);

    [Benchmark]
    public object WeightedInclusiveGregory() => WigmCount.Run(_election);
}
