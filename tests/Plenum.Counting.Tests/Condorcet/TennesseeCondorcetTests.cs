using Plenum.Counting.Condorcet;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Condorcet;

public class TennesseeCondorcetTests
{
    [Fact]
    public void Nashville_is_the_Condorcet_winner_and_alone_in_the_Smith_set()
    {
        var result = Schulze.Run(Tennessee.Election);
        Assert.Equal(["Nashville"], result.Winners);
        Assert.Equal("Nashville", result.Details["condorcetWinner"]);
        Assert.Equal(["Nashville"], (string[])result.Details["smithSet"]);
        Assert.Equal(["Nashville", "Chattanooga", "Knoxville", "Memphis"], (string[])result.Details["ranking"]);
    }

    [Fact]
    public void Margins_variant_agrees()
    {
        Assert.Equal(["Nashville"], Schulze.Run(Tennessee.Election, SchulzeVariant.Margins).Winners);
    }

    [Fact]
    public void Ranked_pairs_locks_every_defeat_strongest_first()
    {
        var result = RankedPairs.Run(Tennessee.Election);
        Assert.Equal(["Nashville"], result.Winners);
        var locked = (string[][])result.Details["lockedPairs"];
        Assert.Equal(["Chattanooga", "Knoxville"], locked[0]); // 83 votes
        Assert.Equal(6, locked.Length);
        Assert.Empty((string[][])result.Details["skippedPairs"]);
        Assert.Equal(["Nashville", "Chattanooga", "Knoxville", "Memphis"], (string[])result.Details["ranking"]);
    }

    [Fact]
    public void Pairwise_matrix_in_percent()
    {
        var d = PairwiseMatrix.From(Tennessee.Election);
        Assert.Equal(58, d[Tennessee.Nashville, Tennessee.Memphis]);
        Assert.Equal(68, d[Tennessee.Nashville, Tennessee.Chattanooga]);
        Assert.Equal(83, d[Tennessee.Chattanooga, Tennessee.Knoxville]);
        Assert.Equal(42, d[Tennessee.Memphis, Tennessee.Knoxville]);
    }
}
