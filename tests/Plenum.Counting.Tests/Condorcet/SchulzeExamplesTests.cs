using Plenum.Counting.Condorcet;
using Plenum.Counting.Lots;
using static Plenum.Counting.Tests.Support.LetterBallots;

namespace Plenum.Counting.Tests.Condorcet;

/// <summary>Examples from Markus Schulze, "The Schulze Method of Voting", section 3.</summary>
public class SchulzeExamplesTests
{
    private static readonly Plenum.Counting.Ballots.RankedElection Example1 = Election("ABCDE",
        "5 ACBED", "5 ADECB", "8 BEDAC", "3 CABED", "7 CAEBD", "2 CBADE", "7 DCEBA", "8 EBADC");

    [Fact]
    public void Example_1_pairwise_matrix()
    {
        var d = PairwiseMatrix.From(Example1).ToArrays();
        long[][] expected =
        [
            [0, 20, 26, 30, 22],
            [25, 0, 16, 33, 18],
            [19, 29, 0, 17, 24],
            [15, 12, 28, 0, 14],
            [23, 27, 21, 31, 0],
        ];
        Assert.Equal(expected, d);
    }

    [Fact]
    public void Example_1_strongest_paths_and_winner_E()
    {
        var result = Schulze.Run(Example1);
        long[][] expected =
        [
            [0, 28, 28, 30, 24],
            [25, 0, 28, 33, 24],
            [25, 29, 0, 29, 24],
            [25, 28, 28, 0, 24],
            [25, 28, 28, 31, 0],
        ];
        Assert.Equal(expected, (long[][])result.Details["strongestPaths"]);
        Assert.Equal(["E"], result.Winners);
        Assert.Equal(["E", "A", "C", "B", "D"], (string[])result.Details["ranking"]);
        Assert.Empty(result.Ties);
        Assert.False(result.Details.ContainsKey("condorcetWinner"));
    }

    [Fact]
    public void Example_1_multi_winner_takes_the_ranking_in_order()
    {
        var result = Schulze.Run(Example1 with { Seats = 3 });
        Assert.Equal(["E", "A", "C"], result.Winners);
    }

    [Fact]
    public void Example_2_winner_D()
    {
        var election = Election("ABCD",
            "5 ACBD", "2 ACDB", "3 ADCB", "4 BACD", "3 CBDA", "3 CDBA", "1 DACB", "5 DBAC", "4 DCBA");
        var result = Schulze.Run(election);
        Assert.Equal(["D"], result.Winners);
        Assert.Equal(["D", "A", "C", "B"], (string[])result.Details["ranking"]);
    }

    [Fact]
    public void Example_3_winner_B()
    {
        var election = Election("ABCDE",
            "3 ABDEC", "5 ADEBC", "1 ADECB", "2 BADEC", "2 BDCEA", "4 CABDE", "6 CBADE", "2 DBECA", "5 DECAB");
        var result = Schulze.Run(election);
        Assert.Equal(["B"], result.Winners);
        Assert.Equal(["B", "A", "D", "E", "C"], (string[])result.Details["ranking"]);
    }

    [Fact]
    public void Example_4_B_and_D_tie_and_the_tie_is_recorded()
    {
        var election = Election("ABCD", "3 ABCD", "2 DABC", "2 DBCA", "2 CBDA");
        var result = Schulze.Run(election, ties: TieBreaking.CandidateOrder);
        Assert.Equal(["B", "D"], (string[])result.Details["potentialWinners"]);
        Assert.Equal(["B"], result.Winners);
        var tie = Assert.Single(result.Ties, t => t.Round == 1);
        Assert.Equal(["B", "D"], tie.Tied);
        Assert.Equal("B", tie.Chosen);
        Assert.Null(tie.Seed);
    }

    [Fact]
    public void A_seeded_lot_is_recorded_with_its_seed_and_reproduces()
    {
        var election = Election("ABCD", "3 ABCD", "2 DABC", "2 DBCA", "2 CBDA");
        var first = Schulze.Run(election, ties: TieBreaking.Lot(42));
        var again = Schulze.Run(election, ties: TieBreaking.Lot(42));
        Assert.Equal(first.Winners, again.Winners);
        var tie = Assert.Single(first.Ties, t => t.Round == 1);
        Assert.Equal("42", tie.Seed);
        Assert.StartsWith("lot, seeded", tie.Rule);
        Assert.Contains(tie.Chosen, new[] { "B", "D" });
    }

    [Fact]
    public void Margins_variant_on_example_1_also_elects_E()
    {
        var result = Schulze.Run(Example1, SchulzeVariant.Margins);
        Assert.Equal(["E"], result.Winners);
        Assert.Equal("schulze-margins", result.Method);
    }
}
