using Plenum.Counting.Lots;
using Plenum.Counting.Simple;
using static Plenum.Counting.Tests.Support.LetterBallots;

namespace Plenum.Counting.Tests.Simple;

public class BordaTests
{
    [Fact]
    public void Truncated_ballots_give_unranked_candidates_nothing()
    {
        // A first of four: 3 points; B second: 2; C and D unranked: 0.
        var result = Borda.Run(Election("ABCD", "1 AB"));
        Assert.Equal(3m, result.Rounds[0].Tallies["A"]);
        Assert.Equal(2m, result.Rounds[0].Tallies["B"]);
        Assert.Equal(0m, result.Rounds[0].Tallies["C"]);
    }

    [Fact]
    public void Equal_rankings_get_the_lowest_place_they_span()
    {
        // (AB) share first and second place: each gets the second place's value.
        var standard = Borda.Run(Election("ABC", "1 (AB)C"));
        Assert.Equal(1m, standard.Rounds[0].Tallies["A"]);
        Assert.Equal(1m, standard.Rounds[0].Tallies["B"]);
        Assert.Equal(0m, standard.Rounds[0].Tallies["C"]);
        var dowdall = Borda.Run(Election("ABC", "1 (AB)C"), BordaVariant.Dowdall);
        var exact = (Dictionary<string, string>)dowdall.Details["exactTallies"];
        Assert.Equal("1/2", exact["A"]);
        Assert.Equal("1/3", exact["C"]);
    }

    [Fact]
    public void Dowdall_thirds_that_add_to_one_tie_exactly_with_one()
    {
        // A is third on three ballots (1/3 × 3 = 1); B is first on one ballot (1). In 28-digit
        // decimals 1/3 × 3 would be 0.9999…; as fractions they are equal, so this is a real tie.
        var election = Election("ABCD", 3, "1 B", "3 CDA");
        var result = Borda.Run(election, BordaVariant.Dowdall, TieBreaking.CandidateOrder);
        var exact = (Dictionary<string, string>)result.Details["exactTallies"];
        Assert.Equal("1", exact["A"]);
        Assert.Equal("1", exact["B"]);
        Assert.Equal(1m, result.Rounds[0].Tallies["A"]);
        Assert.Equal(["C", "D", "A"], result.Winners);
        var tie = Assert.Single(result.Ties);
        Assert.Equal(["A", "B"], tie.Tied);
    }

    [Fact]
    public void Skipped_ranks_do_not_lower_a_place()
    {
        var withSkip = Borda.Run(new Plenum.Counting.Ballots.RankedElection(["A", "B", "C"], 1,
            [new Plenum.Counting.Ballots.RankedBallot([[0], [], [1]])]), BordaVariant.Dowdall);
        Assert.Equal("1/2", ((Dictionary<string, string>)withSkip.Details["exactTallies"])["B"]);
    }
}
