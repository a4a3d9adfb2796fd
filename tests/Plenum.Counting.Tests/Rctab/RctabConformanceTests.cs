using Plenum.Counting.Irv;
using Plenum.Counting.Parsers;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Rctab;

/// <summary>
/// RCTab's own test cases (shared/conformance/rctab), read in place: each config's CVRs are
/// counted and compared with the expected detailed report, round by round: threshold, tally per
/// candidate, inactive ballots by category, who was elected or eliminated, and every transfer.
/// </summary>
public class RctabConformanceTests
{
    /// <summary>Cases matched in full.</summary>
    public static TheoryData<string> FullCases => new(
        "2013_minneapolis_mayor",
        "2013_minneapolis_park",
        "2013_minneapolis_park_hare",
        "2015_portland_mayor",
        "continue_tabulation_test",
        "duplicate_test",
        "excluded_test",
        "exhaust_if_multiple_continuing",
        "minneapolis_multi_seat_threshold",
        "more_winners_than_candidates",
        "skip_to_next_test",
        "test_set_0_skipped_first_choice",
        "test_set_1_exhaust_at_overvote",
        "test_set_2_overvote_skip_to_next",
        "test_set_3_skipped_choice_exhaust",
        "test_set_4_skipped_choice_next",
        "test_set_5_two_skipped_choice_exhaust",
        "test_set_6_duplicate_exhaust",
        "test_set_7_duplicate_skip_to_next",
        "test_set_8_multi_cdf",
        "test_set_allow_only_one_winner_per_round",
        "test_set_multi_winner_fractional_threshold",
        "test_set_multi_winner_whole_threshold",
        "test_set_overvote_delimiter",
        "uwi_cannot_win_test");

    [Theory]
    [MemberData(nameof(FullCases))]
    public void Count_matches_the_expected_report_round_by_round(string name)
    {
        var (expected, result) = CountCase(name);
        Assert.Equal(expected.Rounds.Count, result.Rounds.Count);
        for (var i = 0; i < expected.Rounds.Count; i++)
            ReportComparison.AssertRoundMatches(expected.Rounds[i], result.Rounds[i]);
        Assert.Equal(expected.Winners.Order(), result.Winners.Order());
    }

    [Theory]
    [MemberData(nameof(FullCases))]
    public void Every_round_accounts_for_every_ballot_that_ranked_someone(string name)
    {
        var (_, result) = CountCase(name);
        var counted = result.Rounds[0].Tallies.Values.Sum() + result.Rounds[0].Inactive.Values.Sum();
        Assert.All(result.Rounds, round => Assert.Equal(counted, round.Tallies.Values.Sum() + round.Inactive.Values.Sum()));
    }

    internal static (ExpectedReport Expected, Results.CountResult Result) CountCase(string name)
    {
        var config = RctabConfig.Load(Conformance.PathOf("rctab", name, $"{name}_config.json"));
        var result = IrvCount.Run(config.ReadElection(), config.Rules);
        var expected = ExpectedReport.Load(Conformance.PathOf("rctab", name, $"{name}_expected_detailed_report.json"));
        return (expected, result);
    }
}
