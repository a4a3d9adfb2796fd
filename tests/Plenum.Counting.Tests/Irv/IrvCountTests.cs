using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;

namespace Plenum.Counting.Tests.Irv;

public class IrvCountTests
{
    private static readonly string[] Abc = ["A", "B", "C"];
    private const int Ov = RankedBallot.OvervoteMark;

    private static RankedBallot Ballot(long weight, params int[][] ranks) => new(ranks, weight);

    private static CountResult Count(IReadOnlyList<RankedBallot> ballots, IrvRules? rules = null, string[]? names = null, int seats = 1) =>
        IrvCount.Run(new RankedElection(names ?? Abc, seats, ballots), rules ?? new IrvRules());

    [Fact]
    public void Majority_in_the_first_round_wins_at_once()
    {
        var result = Count([RankedBallot.Of(6, 0, 1), RankedBallot.Of(3, 1), RankedBallot.Of(2, 2)]);
        Assert.Equal(["A"], result.Winners);
        var round = Assert.Single(result.Rounds);
        Assert.Equal(1, round.Number);
        Assert.Equal(6m, round.Quota);
        Assert.Equal(["A"], round.Elected);
    }

    [Fact]
    public void Lowest_is_eliminated_and_its_ballots_move_or_exhaust()
    {
        var result = Count([RankedBallot.Of(4, 0), RankedBallot.Of(3, 1), RankedBallot.Of(1, 2, 1), RankedBallot.Of(1, 2)]);
        Assert.Equal(["A"], result.Winners);
        var first = result.Rounds[0];
        Assert.Equal(["C"], first.Eliminated);
        var transfer = Assert.Single(first.Transfers);
        Assert.Equal("C", transfer.From);
        Assert.Equal(1m, transfer.To["B"]);
        Assert.Equal(1m, transfer.To["exhausted"]);
        Assert.Equal(1m, result.Rounds[1].Inactive[InactiveReason.ExhaustedChoices]);
        Assert.Equal(4m, result.Rounds[1].Tallies["B"]);
    }

    [Theory]
    [InlineData(OvervoteRule.ExhaustImmediately, 0, InactiveReason.Overvote)]
    [InlineData(OvervoteRule.AlwaysSkipToNextRank, 2, null)]
    public void Overvote_rule_decides_whether_an_overvoted_rank_stops_the_ballot(OvervoteRule rule, int b, string? reason)
    {
        var result = Count([Ballot(2, [0, 1], [1]), RankedBallot.Of(3, 0), RankedBallot.Of(1, 1)], new IrvRules { Overvote = rule });
        var first = result.Rounds[0];
        Assert.Equal(1 + b, first.Tallies["B"]);
        if (reason is not null) Assert.Equal(2m, first.Inactive[reason]);
    }

    [Fact]
    public void Exhaust_if_multiple_continuing_passes_an_overvote_once_only_one_marked_candidate_remains()
    {
        var rules = new IrvRules { Overvote = OvervoteRule.ExhaustIfMultipleContinuing };
        var result = Count([RankedBallot.Of(5, 0), RankedBallot.Of(4, 1), Ballot(3, [2], [1, 2]), Ballot(1, [0, 1])], rules);
        Assert.Equal(1m, result.Rounds[0].Inactive[InactiveReason.Overvote]);
        Assert.Equal(["C"], result.Rounds[0].Eliminated);
        Assert.Equal(3m, result.Rounds[0].Transfers[0].To["B"]);
    }

    [Fact]
    public void An_unnamed_overvote_mark_is_an_overvote()
    {
        var result = Count([Ballot(2, [Ov], [1]), RankedBallot.Of(3, 0)]);
        Assert.Equal(2m, result.Rounds[0].Inactive[InactiveReason.Overvote]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(null, 3)]
    public void Skipped_ranks_beyond_the_limit_make_the_ballot_inactive(int? maxSkipped, int bVotes)
    {
        var result = Count([Ballot(3, [], [1]), RankedBallot.Of(4, 0), RankedBallot.Of(2, 2)], new IrvRules { MaxSkippedRanks = maxSkipped });
        Assert.Equal(bVotes, result.Rounds[0].Tallies["B"]);
        if (bVotes == 0) Assert.Equal(3m, result.Rounds[0].Inactive[InactiveReason.SkippedRanks]);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 2)]
    public void A_repeated_candidate_exhausts_or_is_passed_over(bool exhaust, int toB)
    {
        var rules = new IrvRules { ExhaustOnDuplicateCandidate = exhaust };
        var result = Count([RankedBallot.Of(2, 2, 2, 1), RankedBallot.Of(4, 0), RankedBallot.Of(3, 1)], rules);
        Assert.Equal(["C"], result.Rounds[0].Eliminated);
        Assert.Equal(3 + toB, result.Rounds[1].Tallies["B"]);
        if (exhaust) Assert.Equal(2m, result.Rounds[1].Inactive[InactiveReason.RepeatedRanking]);
    }

    [Fact]
    public void Candidate_order_tie_break_eliminates_the_latest_listed()
    {
        var result = Count([RankedBallot.Of(4, 0), RankedBallot.Of(2, 1), RankedBallot.Of(2, 2)]);
        Assert.Equal(["C"], result.Rounds[0].Eliminated);
        var tie = Assert.Single(result.Ties);
        Assert.Equal(["B", "C"], tie.Tied);
        Assert.Equal("C", tie.Chosen);
        Assert.Null(tie.Seed);
    }

    [Fact]
    public void Random_tie_break_is_reproducible_and_records_its_seed()
    {
        var ballots = new[] { RankedBallot.Of(4, 0), RankedBallot.Of(2, 1), RankedBallot.Of(2, 2) };
        var rules = new IrvRules { TieBreak = TieBreakRule.Random, RandomSeed = 42 };
        var first = Count(ballots, rules);
        var again = Count(ballots, rules);
        Assert.Equal(first.Ties[0].Chosen, again.Ties[0].Chosen);
        Assert.Equal("42", first.Ties[0].Seed);
    }

    [Fact]
    public void Previous_round_counts_break_a_tie_by_the_earlier_round()
    {
        string[] names = ["A", "B", "C", "D"];
        var ballots = new[] { RankedBallot.Of(6, 0), RankedBallot.Of(3, 1), RankedBallot.Of(4, 2), RankedBallot.Of(1, 3, 1), RankedBallot.Of(1, 3) };
        var result = Count(ballots, new IrvRules { TieBreak = TieBreakRule.PreviousRoundCountsThenRandom }, names);
        Assert.Equal(["D"], result.Rounds[0].Eliminated);
        Assert.Equal(["B"], result.Rounds[1].Eliminated); // B 4 and C 4 tie; B had 3 to C's 4 in round 1
        Assert.Equal("previous round counts (round 1)", result.Ties[0].Rule);
    }

    [Fact]
    public void Batch_elimination_removes_everyone_who_cannot_catch_up()
    {
        string[] names = ["A", "B", "C", "D", "E"];
        var ballots = new[] { RankedBallot.Of(10, 0), RankedBallot.Of(8, 1), RankedBallot.Of(1, 2), RankedBallot.Of(2, 3), RankedBallot.Of(4, 4) };
        var result = Count(ballots, new IrvRules { BatchElimination = true }, names);
        Assert.Equal(["C", "D", "E"], result.Rounds[0].Eliminated);
    }

    [Fact]
    public void Undeclared_write_ins_cannot_win_and_go_first()
    {
        string[] names = ["A", "B", "Undeclared Write-ins"];
        var result = Count([RankedBallot.Of(5, 2), RankedBallot.Of(3, 0), RankedBallot.Of(1, 1)], new IrvRules { UndeclaredWriteIn = 2 }, names);
        Assert.Equal(["Undeclared Write-ins"], result.Rounds[0].Eliminated);
        Assert.Empty(result.Rounds[0].Elected);
        Assert.Equal(["A"], result.Winners);
    }

    [Fact]
    public void Excluded_candidates_are_passed_over_from_the_start()
    {
        var election = new RankedElection(Abc, 1, [RankedBallot.Of(3, 0, 1), RankedBallot.Of(2, 1), RankedBallot.Of(2, 2)], new HashSet<int> { 0 });
        var result = IrvCount.Run(election, new IrvRules());
        Assert.False(result.Rounds[0].Tallies.ContainsKey("A"));
        Assert.Equal(5m, result.Rounds[0].Tallies["B"]);
        Assert.Equal(2m, result.Rounds[0].Tallies["C"]);
        Assert.Equal(["B"], result.Winners);
    }

    [Fact]
    public void Continue_until_two_remain_keeps_eliminating_after_the_winner()
    {
        string[] names = ["A", "B", "C", "D"];
        var ballots = new[] { RankedBallot.Of(10, 0), RankedBallot.Of(3, 1), RankedBallot.Of(2, 2), RankedBallot.Of(1, 3) };
        var result = Count(ballots, new IrvRules { ContinueUntilTwoCandidatesRemain = true }, names);
        Assert.Equal(["A"], result.Winners);
        Assert.Equal(["A"], result.Rounds[0].Elected);
        Assert.Equal(2, result.Rounds[^1].Tallies.Count);
    }

    [Fact]
    public void Stop_after_round_ends_the_count_early()
    {
        var result = Count([RankedBallot.Of(4, 0), RankedBallot.Of(3, 1), RankedBallot.Of(2, 2)], new IrvRules { StopAfterRound = 1 });
        Assert.Single(result.Rounds);
        Assert.Empty(result.Winners);
    }

    [Fact]
    public void Multi_winner_surplus_moves_at_a_truncated_fraction()
    {
        // 9 for A (8 then B), threshold floor(12/3)+1 = 5; surplus 4, fraction 4/9 -> 0.4444
        var ballots = new[] { RankedBallot.Of(9, 0, 1), RankedBallot.Of(2, 1), RankedBallot.Of(1, 2) };
        var result = Count(ballots, new IrvRules(), seats: 2);
        Assert.Equal(["A"], result.Rounds[0].Elected);
        var transfer = Assert.Single(result.Rounds[0].Transfers);
        Assert.Equal(3.9996m, transfer.To["B"]);
        Assert.Equal(0.0004m, transfer.To[InactiveReason.ResidualSurplus]);
        Assert.Equal(5m, result.Rounds[1].Tallies["A"]);
        Assert.Equal(5.9996m, result.Rounds[1].Tallies["B"]);
        Assert.Equal(["A", "B"], result.Winners);
    }

    [Fact]
    public void Every_round_accounts_for_every_counted_ballot()
    {
        var ballots = new[] { RankedBallot.Of(9, 0, 1), RankedBallot.Of(2, 1), Ballot(3, [2], [], [], [0]), Ballot(1, [1, 2]) };
        var result = Count(ballots, new IrvRules { MaxSkippedRanks = 1 }, seats: 2);
        foreach (var round in result.Rounds)
            Assert.Equal(15m, round.Tallies.Values.Sum() + round.Inactive.Values.Sum());
    }

    [Fact]
    public void A_mark_for_no_candidate_is_refused()
    {
        var error = Assert.Throws<CountingException>(() => Count([RankedBallot.Of(1, 7)]));
        Assert.Contains("candidate index 7", error.Message);
    }
}
