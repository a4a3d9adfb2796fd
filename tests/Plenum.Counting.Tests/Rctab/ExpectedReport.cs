using System.Globalization;
using System.Text.Json;
using Plenum.Counting.Results;

namespace Plenum.Counting.Tests.Rctab;

/// <summary>An RCTab <c>*_expected_detailed_report.json</c>: every round's tally, decisions, transfers and inactive ballots.</summary>
public sealed record ExpectedReport(IReadOnlyList<ExpectedRound> Rounds)
{
    /// <summary>RCTab's inactive-ballot categories and Plenum's names for them.</summary>
    public static readonly IReadOnlyDictionary<string, string> InactiveNames = new Dictionary<string, string>
    {
        ["overvotes"] = InactiveReason.Overvote,
        ["skippedRankings"] = InactiveReason.SkippedRanks,
        ["exhaustedChoices"] = InactiveReason.ExhaustedChoices,
        ["repeatedRankings"] = InactiveReason.RepeatedRanking,
        ["finalRoundSurplus"] = InactiveReason.FinalRoundSurplus,
    };

    public IEnumerable<string> Winners => Rounds.SelectMany(r => r.Elected);

    public static ExpectedReport Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var rounds = document.RootElement.GetProperty("results").EnumerateArray().Select(round => new ExpectedRound(
            round.GetProperty("round").GetInt32(),
            Decimal(round.GetProperty("threshold")),
            Decimals(round.GetProperty("tally")),
            Decimals(round.GetProperty("inactiveBallots")).ToDictionary(i => InactiveNames.GetValueOrDefault(i.Key, i.Key), i => i.Value),
            round.GetProperty("tallyResults").EnumerateArray().Select(Decision).ToList())).ToList();
        return new ExpectedReport(rounds);
    }

    private static ExpectedDecision Decision(JsonElement result)
    {
        var elected = result.TryGetProperty("elected", out var e);
        var candidate = (elected ? e : result.GetProperty("eliminated")).GetString()!;
        return new ExpectedDecision(candidate, elected, Decimals(result.GetProperty("transfers")));
    }

    private static Dictionary<string, decimal> Decimals(JsonElement map) =>
        map.EnumerateObject().ToDictionary(p => p.Name, p => Decimal(p.Value));

    private static decimal Decimal(JsonElement value) =>
        decimal.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), NumberStyles.Number, CultureInfo.InvariantCulture);
}

public sealed record ExpectedRound(
    int Number,
    decimal Threshold,
    IReadOnlyDictionary<string, decimal> Tally,
    IReadOnlyDictionary<string, decimal> Inactive,
    IReadOnlyList<ExpectedDecision> Decisions)
{
    public IEnumerable<string> Elected => Decisions.Where(d => d.Elected).Select(d => d.Candidate);
    public IEnumerable<string> Eliminated => Decisions.Where(d => !d.Elected).Select(d => d.Candidate);
}

public sealed record ExpectedDecision(string Candidate, bool Elected, IReadOnlyDictionary<string, decimal> Transfers);
