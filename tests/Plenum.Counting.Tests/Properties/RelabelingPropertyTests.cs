using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Stv;
using static Plenum.Counting.Tests.Properties.RankedGen;

namespace Plenum.Counting.Tests.Properties;

/// <summary>
/// A candidate's position on the list is only a label: listing the candidates in another order (ballots,
/// withdrawals and the tie-break order relabelled to match) must give the same count by name. Compared with
/// lists inside a round sorted by name, since candidates elected or eliminated together are reported in list
/// order. Two legitimate exceptions are kept out: IRV lots (a seeded draw among the tied candidates in list
/// order), so IRV uses the candidate-order and previous-rounds rules and skips counts that drew lots; and Meek
/// equal rankings, whose indivisible last 10^-9 goes to the equally ranked candidates in list order, so the Meek
/// comparison keeps one candidate per rank.
/// </summary>
public class RelabelingPropertyTests
{
    private sealed record Case(RankedElection Election, RankedElection Relabelled, int[] Order, int[] RelabelledOrder, int Rule)
    {
        public override string ToString() =>
            $"{Print(Election)}\nrelabelled: {Print(Relabelled)}\ntie order {string.Join(',', Order)} / {string.Join(',', RelabelledOrder)}, rule {Rule}";
    }

    private static Gen<Case> Cases(bool messy) =>
        from election in Election(messy)
        from keys in Gen.Int[0, 1000].Array[election.Candidates.Count]
        from orderKeys in Gen.Int[0, 1000].Array[election.Candidates.Count]
        from withdraw in Gen.Int[-3, election.Candidates.Count - 1]
        from rule in Gen.Int[0, 3]
        select Relabel(withdraw < 0 ? election : election with { Withdrawn = new HashSet<int> { withdraw } }, keys, orderKeys, rule);

    private static Case Relabel(RankedElection e, int[] keys, int[] orderKeys, int rule)
    {
        var n = e.Candidates.Count;
        // candidate c is listed at position to[c] in the relabelled election
        var byKey = Enumerable.Range(0, n).OrderBy(c => keys[c]).ThenBy(c => c).ToArray();
        var to = new int[n];
        for (var position = 0; position < n; position++) to[byKey[position]] = position;
        var names = new string[n];
        for (var c = 0; c < n; c++) names[to[c]] = e.Candidates[c];
        var relabelled = new RankedElection(
            names,
            e.Seats,
            e.Ballots.Select(b => b with { Ranks = b.Ranks.Select(r => r.Select(c => c < 0 ? c : to[c]).ToArray()).ToArray() }).ToArray(),
            e.WithdrawnCandidates.Select(c => to[c]).ToHashSet());
        var order = Enumerable.Range(0, n).OrderBy(c => orderKeys[c]).ThenBy(c => c).ToArray();
        return new Case(e, relabelled, order, order.Select(c => to[c]).ToArray(), rule);
    }

    private static CountResult ByName(CountResult r) => r with
    {
        Winners = r.Winners.Order(StringComparer.Ordinal).ToList(),
        Rounds = r.Rounds.Select(x => x with
        {
            Elected = x.Elected.Order(StringComparer.Ordinal).ToList(),
            Eliminated = x.Eliminated.Order(StringComparer.Ordinal).ToList(),
            Transfers = x.Transfers.OrderBy(t => t.From, StringComparer.Ordinal).ToList(),
        }).ToList(),
        Ties = r.Ties.Select(t => t with { Tied = t.Tied.Order(StringComparer.Ordinal).ToList() }).ToList(),
    };

    private static void Same(CountResult a, CountResult b) => Assert.Equal(Describe(ByName(a)), Describe(ByName(b)));

    [Fact]
    public void Irv_counts_candidates_by_name_not_by_list_position() =>
        (from messy in Gen.Bool from c in Cases(messy) from rules in RulesGen.Irv(c.Election.Seats) select (c, rules))
        .Sample((c, rules) =>
        {
            var tie = c.Rule % 2 == 0 ? TieBreakRule.CandidateOrder : TieBreakRule.PreviousRoundCountsThenRandom;
            var a = IrvCount.Run(c.Election, rules with { TieBreak = tie, TieBreakOrder = c.Order });
            var b = IrvCount.Run(c.Relabelled, rules with { TieBreak = tie, TieBreakOrder = c.RelabelledOrder });
            if (a.Ties.Concat(b.Ties).Any(t => t.Seed is not null)) return;
            Same(a, b);
        }, iter: 400, print: x => $"{x.Item1}\nrules: {x.Item2}");

    [Fact]
    public void Wigm_counts_candidates_by_name_not_by_list_position() =>
        (from messy in Gen.Bool from c in Cases(messy) from rules in RulesGen.Wigm select (c, rules))
        .Sample((c, rules) => Same(
            WigmCount.Run(c.Election, rules with { TieBreakOrder = c.Order }),
            WigmCount.Run(c.Relabelled, rules with { TieBreakOrder = c.RelabelledOrder })),
            iter: 400, print: x => $"{x.Item1}\nrules: {x.Item2}");

    [Fact]
    public void Meek_counts_candidates_by_name_not_by_list_position() =>
        (from messy in Gen.Bool from c in Cases(messy) from rules in RulesGen.Meek select (c, rules))
        .Sample((c, rules) => Same(
            MeekCount.Run(OneCandidatePerRank(c.Election), rules with { TieBreakOrder = c.Order }),
            MeekCount.Run(OneCandidatePerRank(c.Relabelled), rules with { TieBreakOrder = c.RelabelledOrder })),
            iter: 300, print: x => $"{x.Item1}\nrules: {x.Item2}");

    [Fact]
    public void Scottish_stv_counts_candidates_by_name_not_by_list_position() =>
        (from messy in Gen.Bool from c in Cases(messy) select c)
        .Sample(c => Same(
            ScottishStvCount.Run(c.Election, c.Order),
            ScottishStvCount.Run(c.Relabelled, c.RelabelledOrder)),
            iter: 400, print: x => x.ToString());

    private static RankedElection OneCandidatePerRank(RankedElection election) => election with
    {
        Ballots = election.Ballots
            .Select(b => b with { Ranks = b.Ranks.Select(r => r.Length > 1 ? new[] { r[0] } : r).ToArray() })
            .ToArray(),
    };
}
