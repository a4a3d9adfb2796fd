using System.Text.Json;
using Plenum.Counting.Results;

namespace Plenum.Counting.Condorcet;

/// <summary>
/// The head-to-head facts a Condorcet count puts in <see cref="CountResult.Details"/>, read back typed.
/// Works on a fresh result and on one read back from JSON (where each value is a JSON element);
/// a key an older result lacks reads as null, so stored counts keep rendering.
/// </summary>
public sealed record CondorcetDetails(
    long[][] Pairwise,
    long[][]? StrongestPaths,
    IReadOnlyList<string> SmithSet,
    IReadOnlyList<string> Ranking,
    string? CondorcetWinner,
    string? Variant)
{
    public const string PairwiseKey = "pairwise";
    public const string StrongestPathsKey = "strongestPaths";
    public const string SmithSetKey = "smithSet";
    public const string RankingKey = "ranking";
    public const string CondorcetWinnerKey = "condorcetWinner";
    public const string VariantKey = "variant";

    /// <summary>The details of a Condorcet count; null for a result that has no pairwise matrix.</summary>
    public static CondorcetDetails? From(CountResult result)
    {
        var pairwise = Read<long[][]>(result, PairwiseKey);
        if (pairwise is null) return null;
        return new CondorcetDetails(
            pairwise,
            Read<long[][]>(result, StrongestPathsKey),
            Read<string[]>(result, SmithSetKey) ?? [],
            Read<string[]>(result, RankingKey) ?? [],
            Read<string>(result, CondorcetWinnerKey),
            Read<string>(result, VariantKey));
    }

    static T? Read<T>(CountResult result, string key) where T : class =>
        result.Details.TryGetValue(key, out var value) ? value as T ?? (value is JsonElement json ? json.Deserialize<T>() : null) : null;
}
