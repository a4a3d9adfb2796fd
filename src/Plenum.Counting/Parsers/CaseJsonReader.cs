using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plenum.Counting.Ballots;
using Plenum.Counting.Stv;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Reads the JSON test-case schema of the CA SB 1288 and Meeks-PRF reference tests. Both spellings of the
/// keys are accepted (nbr_seats_to_fill / nbrSeatsToFill, ...). Lists of names may be arrays or
/// "delimiter-first" strings (" A B C": the first character separates the rest). In a ballot ranking,
/// "" is a skipped rank and "#" an overvote (<see cref="RankedBallot.OvervoteMark"/>).
/// A case may "include" other case files: included values come first, in order, and the case's own
/// values override them; "ballots_more" is appended to the ballots.
/// </summary>
public static class CaseJsonReader
{
    /// <summary>Reads a case file, resolving includes against the file's folder and each folder above it.</summary>
    public static CountingCase ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, include => OpenInclude(path, include));
    }

    public static CountingCase Read(Stream stream, string fileName, Func<string, Stream?>? openInclude = null)
    {
        var primary = ParseObject(stream, fileName);
        var merged = new JsonObject();
        if (primary["include"] is JsonArray includes)
        {
            foreach (var include in includes)
            {
                var includeName = include?.GetValue<string>() ?? throw new CountingException("an include is not a file name", fileName);
                using var included = openInclude?.Invoke(includeName)
                    ?? throw new CountingException($"included case file '{includeName}' not found", fileName);
                foreach (var (key, value) in ParseObject(included, includeName))
                    merged[key] = value?.DeepClone();
            }
        }
        foreach (var (key, value) in primary)
            merged[key] = value?.DeepClone();
        return new CaseBuilder(merged, fileName).Build();
    }

    private static Stream? OpenInclude(string path, string include)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, include);
            if (File.Exists(candidate)) return File.OpenRead(candidate);
        }
        return null;
    }

    private static JsonObject ParseObject(Stream stream, string fileName)
    {
        try
        {
            return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new CountingException("a test case must be a JSON object", fileName, 1);
        }
        catch (JsonException e)
        {
            throw new CountingException($"not valid JSON: {e.Message}", fileName, (int?)(e.LineNumber + 1));
        }
    }

    /// <summary>Turns the merged JSON object into a case, naming the file in every error.</summary>
    private sealed class CaseBuilder(JsonObject json, string fileName)
    {
        private JsonNode? Get(string snake, string camel) => json[snake] ?? json[camel];

        private CountingException Error(string message) => new(message, fileName);

        public CountingCase Build()
        {
            var candidates = Names(Get("candidates", "candidates"), "candidates");
            if (candidates.Count != candidates.Distinct().Count())
                throw Error("a candidate is listed twice");
            var index = candidates.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
            var seats = Integer(Get("nbr_seats_to_fill", "nbrSeatsToFill"), "nbr_seats_to_fill");
            var ballots = Ballots(Get("ballots", "ballots"), index).Concat(Ballots(Get("ballots_more", "ballotsMore"), index)).ToList();
            var withdrawn = Names(Get("excluded", "excluded"), "excluded").Select(n => Lookup(index, n)).ToHashSet();
            var election = new RankedElection(candidates, seats, ballots, withdrawn, Get("description", "description")?.GetValue<string>());
            var options = Get("options", "options") as JsonObject ?? [];
            var (batch, batchRounds) = BatchOptions(options);
            var maxLevels = Get("max_ranking_levels", "maxRankingLevels");
            return new CountingCase
            {
                FileName = fileName,
                Description = election.Title,
                Election = election,
                TieBreakOrder = Names(Get("tie_breaker", "tieBreaker"), "tie_breaker").Select(n => Lookup(index, n)).ToList(),
                MaxRankingLevels = maxLevels is null ? null : Integer(maxLevels, "max_ranking_levels"),
                Protected = Names(Get("protected", "protected"), "protected").Select(n => Lookup(index, n)).ToHashSet(),
                BatchDefeats = batch,
                BatchDefeatRounds = batchRounds,
                AlwaysCountFirstRound = options["always_count_votes"]?.GetValue<bool>() ?? true,
                StopAtMajority = options["stop_at_majority"]?.GetValue<bool>() ?? false,
                Expected = Expectation(),
                ExpectedException = json["exception"] is JsonArray { Count: 2 } e
                    ? (e[0]!.GetValue<string>(), e[1]!.GetValue<string>()) : null,
            };
        }

        private (BatchDefeats, IReadOnlyList<bool>?) BatchOptions(JsonObject options)
        {
            var timing = options["type_of_altdefs"]?.GetValue<string>() switch
            {
                null or "if_no_new_electeds" => BatchDefeats.IfNoNewElected,
                "per_reference_rule" => BatchDefeats.PerReferenceRule,
                "before_single_defeats" => BatchDefeats.BeforeSingleDefeat,
                var other => throw Error($"unknown type_of_altdefs '{other}'"),
            };
            return options["alternative_defeats"] switch
            {
                null => (BatchDefeats.Never, null),
                JsonArray perRound => (timing, perRound.Select(v => YesNo(v?.GetValue<string>())).ToList()),
                var single => YesNo(single.GetValue<string>()) ? (timing, null) : (BatchDefeats.Never, null),
            };
        }

        private bool YesNo(string? value) => value?.ToUpperInvariant() switch
        {
            "Y" or "YES" => true,
            "N" or "NO" or "NEVER" => false,
            _ => throw Error($"alternative_defeats must be Y or N, not '{value}'"),
        };

        private CaseExpectation? Expectation()
        {
            if (json["tally"] is not JsonObject tally) return null;
            var statuses = (Get("status_codes", "statusCodes") as JsonArray ?? []).Select(s => s as JsonArray ?? throw Error("a status code is not an array"))
                .Select(s => new ExpectedStatus(
                    s[0]!.GetValue<string>(), s[1]!.GetValue<string>(), s[2]!.GetValue<int>(),
                    Number(s[3]), s.Count > 4 ? Number(s[4]) : null, s.Count > 5 ? s[5]?.GetValue<string>() : null))
                .ToList();
            var tallies = tally.ToDictionary(p => p.Key,
                p => (IReadOnlyList<decimal?>)(p.Value as JsonArray ?? throw Error($"tally '{p.Key}' is not an array")).Select(Number).ToList());
            return new CaseExpectation(Names(json["elected"], "elected"), statuses, tallies);
        }

        private static decimal? Number(JsonNode? node) =>
            node is null ? null : decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

        private int Integer(JsonNode? node, string what)
        {
            try
            {
                return node?.GetValue<int>() ?? throw Error($"{what} is missing");
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw Error($"{what} must be a whole number");
            }
        }

        private int Lookup(Dictionary<string, int> index, string name) =>
            index.TryGetValue(name, out var i) ? i : throw Error($"'{name}' is not a candidate");

        /// <summary>An array of strings or a delimiter-first string (the empty string is an empty list).</summary>
        private List<string> Names(JsonNode? node, string what) => node switch
        {
            null => [],
            JsonArray array => array.Select(v => v?.GetValue<string>() ?? throw Error($"{what}: null is not a name")).ToList(),
            JsonValue value when value.TryGetValue<string>(out var text) => text.Length == 0 ? [] : [.. text[1..].Split(text[0])],
            _ => throw Error($"{what} must be a list of names"),
        };

        private IEnumerable<RankedBallot> Ballots(JsonNode? node, Dictionary<string, int> index)
        {
            if (node is null) yield break;
            if (node is not JsonArray groups) throw Error("ballots must be an array");
            foreach (var group in groups)
            {
                var (count, rankings) = group switch
                {
                    JsonArray { Count: 2 } pair when pair[0] is JsonValue v && v.TryGetValue<long>(out var n) => (n, pair[1]),
                    _ => (1L, group),
                };
                if (count < 1) throw Error($"a ballot count must be positive, not {count}");
                var ranks = Names(rankings, "a ballot's rankings").Select(code => code switch
                {
                    "" => Array.Empty<int>(),
                    "#" => [RankedBallot.OvervoteMark],
                    _ => [Lookup(index, code)],
                }).ToArray();
                yield return new RankedBallot(ranks, count);
            }
        }
    }
}
