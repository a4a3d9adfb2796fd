using Plenum.Counting.Simple;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Simple;

public class TennesseeSimpleTests
{
    [Fact]
    public void Plurality_elects_Memphis()
    {
        var result = Plurality.Run(Tennessee.Election);
        Assert.Equal(["Memphis"], result.Winners);
        Assert.Equal(42m, result.Rounds[0].Tallies["Memphis"]);
        Assert.Equal(17m, result.Rounds[0].Tallies["Knoxville"]);
    }

    [Fact]
    public void Borda_elects_Nashville()
    {
        var result = Borda.Run(Tennessee.Election);
        Assert.Equal(["Nashville"], result.Winners);
        var tallies = result.Rounds[0].Tallies;
        Assert.Equal(126m, tallies["Memphis"]);
        Assert.Equal(194m, tallies["Nashville"]);
        Assert.Equal(173m, tallies["Chattanooga"]);
        Assert.Equal(107m, tallies["Knoxville"]);
    }

    [Fact]
    public void Dowdall_elects_Nashville_with_exact_fractions()
    {
        var result = Borda.Run(Tennessee.Election, BordaVariant.Dowdall);
        Assert.Equal(["Nashville"], result.Winners);
        var exact = (Dictionary<string, string>)result.Details["exactTallies"];
        Assert.Equal("113/2", exact["Memphis"]);     // 42 + 58/4
        Assert.Equal("173/3", exact["Nashville"]);   // 42/2 + 26 + 32/3
        Assert.Equal("101/2", exact["Chattanooga"]); // 42/3 + 26/2 + 15 + 17/2
        Assert.Equal("131/3", exact["Knoxville"]);   // 42/4 + 26/3 + 15/2 + 17
        Assert.Equal(57.666666666666666666666666667m, result.Rounds[0].Tallies["Nashville"]);
    }
}
