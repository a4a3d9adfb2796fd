using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Stv;
using static Plenum.Counting.Tests.Properties.RankedGen;

namespace Plenum.Counting.Tests.Properties;

/// <summary>
/// The order in which ballots are fed to a count is not part of the vote: permuting them must leave every
/// reported fact unchanged (winners, and per round the tallies, quota, inactive values, elections, eliminations,
/// transfers, surpluses, keep factors and tie-breaks), compared as canonical text (<see cref="RankedGen.Describe"/>).
/// </summary>
public class PermutationPropertyTests
{
    private static Gen<(RankedElection Election, RankedElection Permuted, T Rules)> With<T>(Func<int, Gen<T>> rules) =>
        from messy in Gen.Bool
        from pair in WithPermutation(messy)
        from r in rules(pair.Election.Seats)
        select (pair.Election, pair.Permuted, r);

    private static string PrintCase<T>((RankedElection Election, RankedElection Permuted, T Rules) c) =>
        $"{Print((c.Election, c.Permuted))}\nrules: {c.Rules}";

    [Fact]
    public void Irv_result_does_not_depend_on_ballot_order() =>
        With(RulesGen.Irv).Sample(
            (election, permuted, rules) => Assert.Equal(
                Describe(IrvCount.Run(election, rules)), Describe(IrvCount.Run(permuted, rules))),
            iter: 400, print: PrintCase);

    [Fact]
    public void Wigm_result_does_not_depend_on_ballot_order() =>
        With(_ => RulesGen.Wigm).Sample(
            (election, permuted, rules) => Assert.Equal(
                Describe(WigmCount.Run(election, rules)), Describe(WigmCount.Run(permuted, rules))),
            iter: 400, print: PrintCase);

    [Fact]
    public void Meek_result_does_not_depend_on_ballot_order() =>
        With(_ => RulesGen.Meek).Sample(
            (election, permuted, rules) => Assert.Equal(
                Describe(MeekCount.Run(election, rules)), Describe(MeekCount.Run(permuted, rules))),
            iter: 300, print: PrintCase);

    [Fact]
    public void Scottish_stv_result_does_not_depend_on_ballot_order() =>
        With(_ => Gen.Const(0)).Sample(
            (election, permuted, _) => Assert.Equal(
                Describe(ScottishStvCount.Run(election)), Describe(ScottishStvCount.Run(permuted))),
            iter: 400, print: PrintCase);
}
