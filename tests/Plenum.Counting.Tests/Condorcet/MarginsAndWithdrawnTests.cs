using Plenum.Counting.Condorcet;
using static Plenum.Counting.Tests.Support.LetterBallots;

namespace Plenum.Counting.Tests.Condorcet;

public class MarginsAndWithdrawnTests
{
    // Truncated ballots: 5 C>B, 8 A>C, 5 B. Defeats: C>B 13–5 (margin 8), B>A 10–8 (margin 2),
    // A>C 8–5 (margin 3). Winning votes drop the weakest defeat A>C (8 votes): C wins.
    // Margins drop the narrowest, B>A (margin 2): A wins.
    private static readonly Plenum.Counting.Ballots.RankedElection Truncated = Election("ABC", "5 CB", "8 AC", "5 B");

    [Fact]
    public void Winning_votes_and_margins_differ_on_truncated_ballots()
    {
        var winningVotes = Schulze.Run(Truncated);
        Assert.Equal(["C"], winningVotes.Winners);
        Assert.Equal(new long[][] { [0, 8, 8], [10, 0, 5], [5, 13, 0] }, (long[][])winningVotes.Details["pairwise"]);
        Assert.Equal(new long[][] { [0, 8, 8], [10, 0, 8], [10, 13, 0] }, (long[][])winningVotes.Details["strongestPaths"]);

        var margins = Schulze.Run(Truncated, SchulzeVariant.Margins);
        Assert.Equal(["A"], margins.Winners);
        Assert.Equal(new long[][] { [0, 3, 3], [2, 0, 2], [2, 8, 0] }, (long[][])margins.Details["strongestPaths"]);
    }

    [Fact]
    public void Ranked_pairs_by_winning_votes_agrees_with_Schulze_winning_votes_here()
    {
        var result = RankedPairs.Run(Truncated);
        Assert.Equal([["C", "B"], ["B", "A"]], (string[][])result.Details["lockedPairs"]);
        Assert.Equal(["C"], result.Winners);
    }

    [Fact]
    public void Withdrawn_candidates_are_counted_as_if_never_on_the_ballot()
    {
        // With C withdrawn only A against B is left: B is preferred 10 to 8.
        var election = Truncated with { Withdrawn = new HashSet<int> { 2 } };
        Assert.Equal(["B"], Schulze.Run(election).Winners);
        Assert.Equal(["B"], RankedPairs.Run(election).Winners);
        Assert.Equal(["B", "A"], (string[])Schulze.Run(election).Details["ranking"]);
        Assert.Equal(0, PairwiseMatrix.From(election)[2, 1]);
    }
}
