using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Stv;
using static Plenum.Counting.Tests.Properties.RankedGen;

namespace Plenum.Counting.Tests.Properties;

/// <summary>
/// No vote is created or lost: in every round, the tallies plus every inactive bucket add up to the ballots
/// counted, in exact decimal arithmetic. Where truncation loses value, the rule puts it in a bucket of its own
/// and that bucket is part of the sum:
/// <list type="bullet">
/// <item>IRV: ballots ranking no one are left out of every round (Details "blank ballots"); with several seats,
/// what truncated surplus fractions keep back beyond the threshold is <see cref="InactiveReason.ResidualSurplus"/>,
/// and the winners' surplus after the last seat is <see cref="InactiveReason.FinalRoundSurplus"/>. One seat has no residue.</item>
/// <item>WIGM and Scottish STV: truncated transfer values lose value into <see cref="InactiveReason.ResidualSurplus"/>;
/// Scottish STV also sets aside ballots without a valid first preference (Details "rejected").</item>
/// <item>Meek: no residue at all. Each ballot's weight is split between the candidates it reaches (shares rounded
/// up) and what is left over, so the candidates and the inactive buckets account for every ballot exactly.</item>
/// </list>
/// </summary>
public class ConservationPropertyTests
{
    private static Gen<(RankedElection Election, T Rules)> With<T>(Func<int, Gen<T>> rules) =>
        from messy in Gen.Bool
        from election in Election(messy)
        from r in rules(election.Seats)
        select (election, r);

    private static string PrintCase<T>((RankedElection Election, T Rules) c) => $"{Print(c.Election)}\nrules: {c.Rules}";

    private static void Conserved(CountResult result, decimal expected, string? forbiddenBucket = null)
    {
        foreach (var round in result.Rounds)
        {
            Assert.All(round.Tallies.Values, v => Assert.True(v >= 0, $"round {round.Number}: a negative tally"));
            Assert.All(round.Inactive.Values, v => Assert.True(v >= 0, $"round {round.Number}: a negative inactive value"));
            var total = round.Tallies.Values.Sum() + round.Inactive.Values.Sum();
            Assert.True(total == expected,
                $"round {round.Number}: tallies {Num(round.Tallies.Values.Sum())} + inactive {Num(round.Inactive.Values.Sum())} = {Num(total)}, expected {Num(expected)}\n{Describe(result)}");
            if (forbiddenBucket is not null)
                Assert.True(round.Inactive.GetValueOrDefault(forbiddenBucket) == 0, $"round {round.Number}: {forbiddenBucket} with one seat");
        }
    }

    [Fact]
    public void Irv_tallies_and_inactive_ballots_add_up_to_the_ballots_every_round() =>
        With(RulesGen.Irv).Sample((election, rules) =>
        {
            var result = IrvCount.Run(election, rules);
            var blank = (long)result.Details["blank ballots"];
            Conserved(result, election.TotalBallots - blank, election.Seats == 1 ? InactiveReason.ResidualSurplus : null);
        }, iter: 500, print: PrintCase);

    /// <summary>
    /// Found by the property above with continue-until-two allowed for several seats (3 2 | 1 A | 4 C | 5 A lost 2.67
    /// of 10 votes): winners stayed continuing, kept their whole pile while their tally was cut to the threshold,
    /// and could be elected again (10 AB, 4 C, 3 B for 2 seats gave winners A, A). RCTab refuses the option with
    /// several seats; so does the count now.
    /// </summary>
    [Fact]
    public void Irv_refuses_to_continue_until_two_remain_with_several_seats()
    {
        var election = Support.LetterBallots.Election("ABC", 2, "10 AB", "4 C", "3 B");
        Assert.Throws<CountingException>(() => IrvCount.Run(election, new IrvRules { ContinueUntilTwoCandidatesRemain = true }));
        Assert.Equal(["A", "B"], IrvCount.Run(election, new IrvRules()).Winners);
    }

    [Fact]
    public void Wigm_tallies_inactive_ballots_and_residual_surplus_add_up_to_the_ballots_every_round() =>
        With(_ => RulesGen.Wigm).Sample((election, rules) =>
            Conserved(WigmCount.Run(election, rules), election.TotalBallots), iter: 500, print: PrintCase);

    [Fact]
    public void Meek_tallies_and_inactive_ballots_add_up_to_the_ballots_every_round() =>
        With(_ => RulesGen.Meek).Sample((election, rules) =>
        {
            var result = MeekCount.Run(election, rules);
            Assert.DoesNotContain(result.Rounds, r => r.Inactive.ContainsKey(InactiveReason.ResidualSurplus));
            Conserved(result, election.TotalBallots);
        }, iter: 300, print: PrintCase);

    [Fact]
    public void Scottish_tallies_non_transferable_papers_and_residual_surplus_add_up_to_the_valid_ballots_every_round() =>
        With(_ => Gen.Const(0)).Sample((election, _) =>
        {
            var result = ScottishStvCount.Run(election);
            var rejected = (decimal)result.Details["rejected"];
            Conserved(result, election.TotalBallots - rejected);
        }, iter: 500, print: PrintCase);
}
