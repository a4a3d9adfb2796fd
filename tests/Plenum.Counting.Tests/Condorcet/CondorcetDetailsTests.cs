using System.Text.Json;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Results;
using Plenum.Counting.Simple;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Condorcet;

/// <summary>Decisions store their count as JSON; the Condorcet facts must read back the same from it.</summary>
public class CondorcetDetailsTests
{
    static CountResult ThroughJson(CountResult result) =>
        JsonSerializer.Deserialize<CountResult>(ResultJson.Serialize(result), ResultJson.Options)!;

    [Fact]
    public void Schulze_details_read_the_same_fresh_and_from_stored_json()
    {
        var fresh = CondorcetDetails.From(Schulze.Run(Tennessee.Election))!;
        var stored = CondorcetDetails.From(ThroughJson(Schulze.Run(Tennessee.Election)))!;

        Assert.Equal(42, fresh.Pairwise[Tennessee.Memphis][Tennessee.Nashville]);
        Assert.Equal(58, fresh.Pairwise[Tennessee.Nashville][Tennessee.Memphis]);
        Assert.Equal(fresh.Pairwise, stored.Pairwise);
        Assert.Equal(fresh.StrongestPaths, stored.StrongestPaths);
        Assert.Equal(["Nashville"], stored.SmithSet);
        Assert.Equal(["Nashville", "Chattanooga", "Knoxville", "Memphis"], stored.Ranking);
        Assert.Equal("Nashville", stored.CondorcetWinner);
        Assert.Equal("winning votes", stored.Variant);
    }

    [Fact]
    public void A_result_without_strongest_paths_still_reads_and_one_without_a_matrix_is_not_condorcet()
    {
        var rankedPairs = CondorcetDetails.From(ThroughJson(RankedPairs.Run(Tennessee.Election)))!;
        Assert.Null(rankedPairs.StrongestPaths);
        Assert.Equal(4, rankedPairs.Pairwise.Length);

        Assert.Null(CondorcetDetails.From(ThroughJson(Plurality.Run(Tennessee.Election))));
    }
}
