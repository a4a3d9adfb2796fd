using Plenum.Counting.Condorcet;
using Plenum.Counting.Lots;
using static Plenum.Counting.Tests.Support.LetterBallots;

namespace Plenum.Counting.Tests.Condorcet;

public class RankedPairsTests
{
    [Fact]
    public void The_weakest_defeat_of_a_cycle_is_skipped()
    {
        // A>B 11–5, B>C 12–4, C>A 9–7: B>C and A>B are locked, C>A would close the cycle.
        var election = Election("ABC", "7 ABC", "5 BCA", "4 CAB");
        var result = RankedPairs.Run(election);
        Assert.Equal(["A"], result.Winners);
        Assert.Equal([["B", "C"], ["A", "B"]], (string[][])result.Details["lockedPairs"]);
        Assert.Equal([["C", "A"]], (string[][])result.Details["skippedPairs"]);
        Assert.Equal(["A", "B", "C"], (string[])result.Details["ranking"]);
        Assert.Equal(["A", "B", "C"], (string[])result.Details["smithSet"]);
    }

    [Fact]
    public void Equal_pairs_are_ordered_by_the_tie_breaking_order_and_recorded()
    {
        // A>B, B>C, C>A each 2–1: a perfect cycle. With candidate order A, B, C the pairs sort
        // A>B (winner A first), B>C, C>A; C>A closes the cycle.
        var election = Election("ABC", "1 ABC", "1 BCA", "1 CAB");
        var result = RankedPairs.Run(election, TieBreaking.CandidateOrder);
        Assert.Equal([["A", "B"], ["B", "C"]], (string[][])result.Details["lockedPairs"]);
        Assert.Equal(["A"], result.Winners);
        var pairTie = Assert.Single(result.Ties, t => t.Round == 0);
        Assert.Equal(["A>B", "B>C", "C>A"], pairTie.Tied);
        Assert.Equal("A>B", pairTie.Chosen);
    }

    [Fact]
    public void Same_winner_pairs_put_the_loser_last_in_the_order_first()
    {
        // A beats B and C 1–0 each (equal strength): A>C is sorted before A>B because C comes
        // later in the tie-breaking order.
        var election = Election("ABC", "1 A");
        var result = RankedPairs.Run(election, TieBreaking.CandidateOrder);
        Assert.Equal([["A", "C"], ["A", "B"]], (string[][])result.Details["lockedPairs"]);
        var placeTie = Assert.Single(result.Ties, t => t.Round == 2);
        Assert.Equal(["B", "C"], placeTie.Tied);
        Assert.Equal(["A", "B", "C"], (string[])result.Details["ranking"]);
    }

    [Fact]
    public void Schulze_example_1_under_ranked_pairs()
    {
        var election = Election("ABCDE",
            "5 ACBED", "5 ADECB", "8 BEDAC", "3 CABED", "7 CAEBD", "2 CBADE", "7 DCEBA", "8 EBADC");
        // Defeats by winning votes: B>D 33, E>D 31, A>D 30, C>B 29, D>C 28, E>B 27, A>C 26,
        // B>A 25, C>E 24, E>A 23. D>C closes D>C>B>D, B>A closes B>A>C>B, E>A closes E>A>C>E.
        var result = RankedPairs.Run(election);
        Assert.Equal(
            [["B", "D"], ["E", "D"], ["A", "D"], ["C", "B"], ["E", "B"], ["A", "C"], ["C", "E"]],
            (string[][])result.Details["lockedPairs"]);
        Assert.Equal([["D", "C"], ["B", "A"], ["E", "A"]], (string[][])result.Details["skippedPairs"]);
        Assert.Equal(["A", "C", "E", "B", "D"], (string[])result.Details["ranking"]);
        Assert.Equal(["A"], result.Winners);
    }
}
