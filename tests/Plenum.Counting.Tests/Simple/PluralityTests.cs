using Plenum.Counting.Ballots;
using Plenum.Counting.Lots;
using Plenum.Counting.Simple;
using static Plenum.Counting.Tests.Support.LetterBallots;

namespace Plenum.Counting.Tests.Simple;

public class PluralityTests
{
    [Fact]
    public void First_preference_passes_over_skipped_ranks_and_withdrawn_candidates()
    {
        var election = new RankedElection(["A", "B", "C"], 1,
        [
            new RankedBallot([[], [1]], 2),   // skipped first rank: B
            new RankedBallot([[2], [0]], 3),  // C withdrawn: A
            new RankedBallot([[1]], 1),
        ], Withdrawn: new HashSet<int> { 2 });
        var result = Plurality.Run(election);
        Assert.Equal(3m, result.Rounds[0].Tallies["A"]);
        Assert.Equal(3m, result.Rounds[0].Tallies["B"]);
        Assert.False(result.Rounds[0].Tallies.ContainsKey("C"));
    }

    [Fact]
    public void Overvotes_and_blank_ballots_are_set_aside_and_counted()
    {
        var election = new RankedElection(["A", "B"], 1,
        [
            new RankedBallot([[0, 1]], 2),
            new RankedBallot([[RankedBallot.OvervoteMark], [0]], 1),
            new RankedBallot([], 4),
            RankedBallot.Of(1, 1),
        ]);
        var result = Plurality.Run(election);
        Assert.Equal(["B"], result.Winners);
        Assert.Equal(3m, result.Rounds[0].Inactive[InvalidBallot.Overvote]);
        Assert.Equal(4m, result.Rounds[0].Inactive[InvalidBallot.Blank]);
        Assert.Equal(7L, result.Details["invalidBallots"]);
    }

    [Fact]
    public void Single_choice_ballots()
    {
        var election = new SimpleElection<ChoiceBallot>(["A", "B", "C"], 2,
        [
            ChoiceBallot.Of(5, 0), ChoiceBallot.Of(3, 1), ChoiceBallot.Of(4, 2),
            ChoiceBallot.Of(9, 0, 1), ChoiceBallot.Of(2),
        ]);
        var result = Plurality.Run(election);
        Assert.Equal(["A", "C"], result.Winners);
        Assert.Equal(9m, result.Rounds[0].Inactive[InvalidBallot.Overvote]);
        Assert.Equal(2m, result.Rounds[0].Inactive[InvalidBallot.Blank]);
    }

    [Fact]
    public void A_tie_for_the_last_seat_is_recorded_with_rule_and_seed()
    {
        var election = Election("ABC", 2, "5 A", "3 B", "3 C");
        var result = Plurality.Run(election, TieBreaking.Lot(11));
        Assert.Equal("A", result.Winners[0]);
        var tie = Assert.Single(result.Ties);
        Assert.Equal(["B", "C"], tie.Tied);
        Assert.Equal(result.Winners[1], tie.Chosen);
        Assert.Equal("11", tie.Seed);
        Assert.Equal(result.Winners, Plurality.Run(election, TieBreaking.Lot(11)).Winners);
    }

    [Fact]
    public void Ties_that_decide_nothing_are_not_recorded()
    {
        var result = Plurality.Run(Election("ABC", 2, "3 A", "3 B", "1 C"));
        Assert.Equal(["A", "B"], result.Winners.Order());
        Assert.Empty(result.Ties);
    }

    [Fact]
    public void Three_tied_for_two_seats_records_two_draws()
    {
        var result = Plurality.Run(Election("ABC", 2, "1 A", "1 B", "1 C"), TieBreaking.CandidateOrder);
        Assert.Equal(["A", "B"], result.Winners);
        Assert.Collection(result.Ties,
            t => { Assert.Equal(["A", "B", "C"], t.Tied); Assert.Equal("A", t.Chosen); },
            t => { Assert.Equal(["B", "C"], t.Tied); Assert.Equal("B", t.Chosen); });
    }

    [Fact]
    public void Unknown_candidates_and_impossible_seats_are_refused()
    {
        Assert.Throws<CountingException>(() => Plurality.Run(new RankedElection(["A"], 1, [RankedBallot.Of(1, 3)])));
        Assert.Throws<CountingException>(() => Plurality.Run(Election("AB", 3, "1 A")));
        Assert.Throws<CountingException>(() => Plurality.Run(new RankedElection(["A", "B"], 1, [RankedBallot.Of(-1, 0)])));
    }
}
