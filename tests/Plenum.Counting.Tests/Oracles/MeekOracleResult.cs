using System.Globalization;
using System.Text.Json.Nodes;
using Plenum.Counting.Parsers;

namespace Plenum.Counting.Tests.Oracles;

/// <summary>
/// Reads one contest's result from meek-oracle.cjs (or the meeks-prf-js CLI: same shape, numbers
/// instead of strings) into the expectation type the reference-suite tests already compare with,
/// so the oracle and the conformance cases are checked by the same, already trusted, mapping.
/// </summary>
public static class MeekOracleResult
{
    public static CaseExpectation Read(JsonNode result)
    {
        if (result["error"] is { } error) Assert.Fail($"meeks-prf-js refused the contest: {error}");
        var elected = result["elected"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var statuses = result["status"]!.AsArray().Select(n => n!.AsArray()).Select(s => new ExpectedStatus(
                s[0]!.GetValue<string>(), s[1]!.GetValue<string>(), s[2]!.GetValue<int>(),
                Number(s[3]), Number(s[4]), s.Count > 5 ? s[5]!.GetValue<string>() : null))
            .ToList();
        var tally = result["tally"]!.AsObject().ToDictionary(
            p => p.Key, p => (IReadOnlyList<decimal?>)p.Value!.AsArray().Select(Number).ToList());
        return new CaseExpectation(elected, statuses, tally);
    }

    /// <summary>Exact decimal strings from the helper, JSON numbers from the CLI; null where the package has no value.</summary>
    private static decimal? Number(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
