using Plenum.Counting.Results;

namespace Plenum.Counting.Lots;

/// <summary>
/// How ties between candidates are broken. A lot is drawn once per count, as a full order of all
/// candidates (Fisher–Yates shuffle driven by <see cref="SplitMix64"/> with the seed); every tie in
/// that count goes to whoever comes first in that order. Drawing once, up front, makes the outcome
/// independent of the order in which ties happen to be met, and reproducible from the seed.
/// </summary>
public sealed record TieBreaking
{
    /// <summary>The seed of the lot; null means ties go to the candidate listed first.</summary>
    public ulong? Seed { get; private init; }

    public static TieBreaking Lot(ulong seed) => new() { Seed = seed };

    /// <summary>Ties go to the candidate listed earlier: for tests, or where rules say so.</summary>
    public static TieBreaking CandidateOrder { get; } = new();

    /// <summary>Used when a caller names no rule: a lot with seed 0, recorded like any other.</summary>
    public static TieBreaking Default { get; } = Lot(0);

    public string Rule => Seed is null
        ? "candidate order (the candidate listed first wins)"
        : "lot, seeded (SplitMix64 Fisher-Yates order of all candidates, drawn once)";

    /// <summary>priority[candidate]: lower wins a tie.</summary>
    public int[] PriorityOf(int candidateCount)
    {
        var order = Enumerable.Range(0, candidateCount).ToArray();
        if (Seed is { } seed)
        {
            var random = new SplitMix64(seed);
            for (var i = candidateCount - 1; i > 0; i--)
            {
                var j = random.NextBelow(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        var priority = new int[candidateCount];
        for (var position = 0; position < candidateCount; position++)
            priority[order[position]] = position;
        return priority;
    }

    public TieBreak Record(int round, IEnumerable<string> tied, string chosen) =>
        new(round, tied.ToArray(), chosen, Rule, Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
