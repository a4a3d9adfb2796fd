using Plenum.Counting.Lots;
using System.Globalization;
using Plenum.Counting.Results;

namespace Plenum.Counting.Irv;

/// <summary>Breaks ties for elimination or election by the configured rule and records each decision.</summary>
internal sealed class TieBreaker
{
    private readonly IrvRules rules;
    private readonly IReadOnlyList<string> names;
    private readonly int[] orderPosition;
    private readonly SplitMix64 random;
    private readonly List<TieBreak> record = [];

    public TieBreaker(IrvRules rules, IReadOnlyList<string> names)
    {
        this.rules = rules;
        this.names = names;
        random = new SplitMix64(rules.RandomSeed);
        // Candidates missing from the given order (such as the undeclared write-in stand-in) come last,
        // so they lose a tie rather than win one.
        orderPosition = Enumerable.Repeat(int.MaxValue, names.Count).ToArray();
        var order = rules.TieBreakOrder ?? Enumerable.Range(0, names.Count).ToArray();
        for (var i = 0; i < order.Count; i++) orderPosition[order[i]] = i;
    }

    public IReadOnlyList<TieBreak> Record => record;

    /// <param name="tied">Candidate indices with equal votes.</param>
    /// <param name="previousTallies">Tallies of rounds 1..round-1, indexed by candidate.</param>
    public int Choose(int round, IReadOnlyList<int> tied, bool selectingWinner, IReadOnlyList<decimal[]> previousTallies)
    {
        var ordered = tied.OrderBy(c => c).ToList();
        (int chosen, string rule, string? seed) = rules.TieBreak switch
        {
            TieBreakRule.CandidateOrder => (ByOrder(ordered, selectingWinner), OrderRule(selectingWinner), null),
            TieBreakRule.Random => (Draw(ordered), "random draw (SplitMix64)", Seed),
            _ => ByPreviousRounds(round, ordered, selectingWinner, previousTallies),
        };
        record.Add(new TieBreak(round, ordered.Select(c => names[c]).ToList(), names[chosen], rule, seed));
        return chosen;
    }

    private string Seed => rules.RandomSeed.ToString(CultureInfo.InvariantCulture);

    private static string OrderRule(bool selectingWinner) =>
        selectingWinner ? "candidate order: earliest listed wins" : "candidate order: latest listed loses";

    private int ByOrder(List<int> tied, bool selectingWinner) =>
        selectingWinner ? tied.MinBy(c => orderPosition[c]) : tied.MaxBy(c => orderPosition[c]);

    private int Draw(List<int> tied) => tied[random.NextBelow(tied.Count)];

    private (int, string, string?) ByPreviousRounds(int round, List<int> tied, bool selectingWinner, IReadOnlyList<decimal[]> previousTallies)
    {
        var contenders = tied;
        for (var earlier = round - 1; earlier >= 1; earlier--)
        {
            var tally = previousTallies[earlier - 1];
            var extreme = selectingWinner ? contenders.Max(c => tally[c]) : contenders.Min(c => tally[c]);
            contenders = contenders.Where(c => tally[c] == extreme).ToList();
            if (contenders.Count == 1)
                return (contenders[0], $"previous round counts (round {earlier})", null);
        }
        return (Draw(contenders), "previous round counts, then random draw (SplitMix64)", Seed);
    }
}
