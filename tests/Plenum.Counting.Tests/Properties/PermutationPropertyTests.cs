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

    /// <summary>
    /// A ballot line of weight w and two lines of the same ranking with weights a and w - a, anywhere in the
    /// file, are the same w ballots: the counts group identical rankings and must not care how they were given.
    /// </summary>
    private static Gen<(RankedElection Election, RankedElection Split, int Method)> SplitLines =
        from messy in Gen.Bool
        from election in Election(messy)
        from cuts in Gen.Int[0, 1000].Array[election.Ballots.Count]
        from keys in Gen.Int[0, 1_000_000].Array[2 * election.Ballots.Count]
        from method in Gen.Int[0, 3]
        select (election, election with { Ballots = Split(election.Ballots, cuts, keys) }, method);

    private static RankedBallot[] Split(IReadOnlyList<RankedBallot> ballots, int[] cuts, int[] keys)
    {
        var lines = new List<RankedBallot>();
        for (var i = 0; i < ballots.Count; i++)
        {
            var b = ballots[i];
            if (b.Weight < 2) { lines.Add(b); continue; }
            var a = 1 + cuts[i] % (b.Weight - 1);
            lines.AddRange([b with { Weight = a }, b with { Weight = b.Weight - a }]);
        }
        return lines.Select((b, i) => (b, i)).OrderBy(x => keys[x.i]).Select(x => x.b).ToArray();
    }

    [Fact]
    public void Splitting_a_ballot_line_never_changes_the_result() =>
        SplitLines.Sample((election, split, method) =>
        {
            Func<RankedElection, string> count = method switch
            {
                0 => e => Describe(IrvCount.Run(e, new IrvRules { Overvote = OvervoteRule.ExhaustIfMultipleContinuing, MaxSkippedRanks = 1 })),
                1 => e => Describe(WigmCount.Run(e)),
                2 => e => Describe(MeekCount.Run(e)),
                _ => e => Describe(ScottishStvCount.Run(e)),
            };
            Assert.Equal(count(election), count(split));
        }, iter: 400, print: c => $"{Print(c.Item1)}\nsplit: {Print(c.Item2)}\nmethod {c.Item3}");

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
