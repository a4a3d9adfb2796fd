using Plenum.Counting.Lots;
using System.Globalization;
using System.Text.Json;
using Plenum.Counting.Irv;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Maps RCTab's config JSON onto <see cref="RctabConfig"/>. RCTab writes most numbers as strings
/// and leaves unused settings as "", so values are read leniently by type but strictly by meaning.
/// </summary>
internal static class RctabConfigParser
{
    public static RctabConfig Parse(Stream stream, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException error)
        {
            var line = error.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            throw new CountingException($"malformed JSON: {error.Message}", path, line);
        }
        using (document)
        {
            var fields = new Fields(path);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new CountingException("a config must be a JSON object", path);
            var rules = fields.Object(root, "rules");
            var sources = fields.Array(root, "cvrFileSources").Select(s => ReadSource(s, fields)).ToList();
            if (sources.Count == 0) throw new CountingException("cvrFileSources lists no CVR files", path);

            var names = new List<string>();
            var excluded = new HashSet<int>();
            var aliases = new Dictionary<int, IReadOnlyList<string>>();
            foreach (var candidate in fields.Array(root, "candidates"))
            {
                var name = fields.Text(candidate, "name") ?? throw new CountingException("a candidate has no name", path);
                if (names.Contains(name)) throw new CountingException($"candidate \"{name}\" is listed twice", path);
                if (fields.Bool(candidate, "excluded")) excluded.Add(names.Count);
                if (candidate.TryGetProperty("aliases", out var list) && list.ValueKind == JsonValueKind.Array)
                    aliases[names.Count] = list.EnumerateArray().Select(a => a.GetString() ?? "").Where(a => a.Length > 0).ToList();
                names.Add(name);
            }
            if (names.Count == 0) throw new CountingException("the config lists no candidates", path);

            int? writeIn = sources.Any(s => !string.IsNullOrEmpty(s.UndeclaredWriteInLabel) || s.TreatBlankAsUndeclaredWriteIn) ? names.Count : null;
            if (writeIn is not null) names.Add(RctabConfig.UndeclaredWriteInName);

            var seats = fields.Int(rules, "numberOfWinners") ?? throw fields.Missing("numberOfWinners");
            var mode = fields.Text(rules, "winnerElectionMode") ?? "singleWinnerMajority";
            var (tieBreak, seed, order) = TieBreak(rules, fields, names.Count - (writeIn is null ? 0 : 1));
            return new RctabConfig
            {
                ConfigPath = path,
                ContestName = root.TryGetProperty("outputSettings", out var output) ? fields.Text(output, "contestName") : null,
                Candidates = names,
                Excluded = excluded,
                Aliases = aliases,
                Seats = seats,
                MaxRankings = fields.IntOrWord(rules, "maxRankingsAllowed", "max"),
                Sources = sources,
                Rules = new IrvRules
                {
                    Overvote = Overvote(fields.Text(rules, "overvoteRule"), fields),
                    MaxSkippedRanks = fields.IntOrWord(rules, "maxSkippedRanksAllowed", "unlimited"),
                    ExhaustOnDuplicateCandidate = fields.Bool(rules, "exhaustOnDuplicateCandidate"),
                    BatchElimination = fields.Bool(rules, "batchElimination"),
                    ContinueUntilTwoCandidatesRemain = fields.Bool(rules, "continueUntilTwoCandidatesRemain"),
                    UndeclaredWriteIn = writeIn,
                    MinimumVoteThreshold = fields.Decimal(rules, "minimumVoteThreshold") ?? 0m,
                    TieBreak = tieBreak,
                    RandomSeed = seed,
                    TieBreakOrder = order,
                    DecimalPlaces = fields.Int(rules, "decimalPlacesForVoteArithmetic") ?? 4,
                    NonIntegerThreshold = fields.Bool(rules, "nonIntegerWinningThreshold"),
                    HareQuota = fields.Bool(rules, "hareQuota"),
                    FirstRoundDeterminesThreshold = fields.Bool(rules, "doesFirstRoundDetermineThreshold"),
                    OneWinnerPerRound = WinnerMode(mode, seats, fields),
                    StopAfterRound = fields.Int(rules, "stopTabulationEarlyAfterRound"),
                },
            };
        }
    }

    private static CvrSource ReadSource(JsonElement source, Fields fields) => new()
    {
        FilePath = fields.Text(source, "filePath") ?? throw fields.Missing("cvrFileSources[].filePath"),
        Provider = fields.Text(source, "provider") ?? throw fields.Missing("cvrFileSources[].provider"),
        ContestId = fields.Text(source, "contestId"),
        FirstVoteColumn = fields.Int(source, "firstVoteColumnIndex") ?? 1,
        FirstVoteRow = fields.Int(source, "firstVoteRowIndex") ?? 2,
        OvervoteDelimiter = fields.Text(source, "overvoteDelimiter"),
        OvervoteLabel = fields.Text(source, "overvoteLabel"),
        SkippedRankLabel = fields.Text(source, "skippedRankLabel"),
        UndeclaredWriteInLabel = fields.Text(source, "undeclaredWriteInLabel"),
        TreatBlankAsUndeclaredWriteIn = fields.Bool(source, "treatBlankAsUndeclaredWriteIn"),
    };

    private static OvervoteRule Overvote(string? rule, Fields fields) => rule switch
    {
        "exhaustImmediately" => OvervoteRule.ExhaustImmediately,
        "alwaysSkipToNextRank" => OvervoteRule.AlwaysSkipToNextRank,
        "exhaustIfMultipleContinuing" => OvervoteRule.ExhaustIfMultipleContinuing,
        _ => throw fields.Invalid("overvoteRule", rule),
    };

    /// <returns>Whether only one winner may be elected per round.</returns>
    private static bool WinnerMode(string mode, int seats, Fields fields) => mode switch
    {
        "singleWinnerMajority" when seats == 1 => false,
        "singleWinnerMajority" => throw fields.Invalid("numberOfWinners (single-winner mode)", seats.ToString(CultureInfo.InvariantCulture)),
        "multiWinnerAllowMultipleWinnersPerRound" => false,
        "multiWinnerAllowOnlyOneWinnerPerRound" => true,
        "bottomsUp" or "bottomsUpUsingPercentageThreshold" or "multiPassIrv" =>
            throw new CountingException($"winner election mode \"{mode}\" is not supported", fields.Path),
        _ => throw fields.Invalid("winnerElectionMode", mode),
    };

    private static (TieBreakRule Rule, ulong Seed, IReadOnlyList<int>? Order) TieBreak(JsonElement rules, Fields fields, int declared)
    {
        var mode = fields.Text(rules, "tiebreakMode");
        // RCTab seeds are Java longs and may be negative; the bits are what matter.
        var seed = unchecked((ulong)(fields.Long(rules, "randomSeed") ?? 0));
        return mode switch
        {
            "useCandidateOrder" => (TieBreakRule.CandidateOrder, seed, null),
            "random" => (TieBreakRule.Random, seed, null),
            "previousRoundCountsThenRandom" => (TieBreakRule.PreviousRoundCountsThenRandom, seed, null),
            "generatePermutation" => (TieBreakRule.CandidateOrder, seed, Shuffled(declared, seed)),
            "stopCountingAndAsk" or "previousRoundCountsThenAsk" =>
                throw new CountingException($"tie-break mode \"{mode}\" asks an operator during the count, which Plenum does not do", fields.Path),
            _ => throw fields.Invalid("tiebreakMode", mode),
        };
    }

    /// <summary>A candidate order drawn once before the count (Fisher–Yates with <see cref="SplitMix64"/>).</summary>
    private static int[] Shuffled(int count, ulong seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = new SplitMix64(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>Reads settings that RCTab may write as strings, numbers or booleans; "" means unset.</summary>
    private sealed class Fields(string path)
    {
        public string Path { get; } = path;

        public CountingException Missing(string name) => new($"{name} is missing", Path);

        public CountingException Invalid(string name, string? value) => new($"{name} has an invalid value \"{value}\"", Path);

        public JsonElement Object(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : throw Missing(name);

        public IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : throw Missing(name);

        public string? Text(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out var value)) return null;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw Invalid(name, value.GetRawText()),
            };
            return string.IsNullOrEmpty(text) ? null : text;
        }

        public bool Bool(JsonElement parent, string name) =>
            !parent.TryGetProperty(name, out var value) ? false : value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                JsonValueKind.String when bool.TryParse(value.GetString(), out var b) => b,
                _ => throw Invalid(name, value.GetRawText()),
            };

        public int? Int(JsonElement parent, string name) =>
            Text(parent, name) is not { } text ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(name, text);

        public long? Long(JsonElement parent, string name) =>
            Text(parent, name) is not { } text ? null
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(name, text);

        public decimal? Decimal(JsonElement parent, string name) =>
            Text(parent, name) is not { } text ? null
            : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(name, text);

        /// <summary>A whole number, or a word (like "max" or "unlimited") meaning no limit.</summary>
        public int? IntOrWord(JsonElement parent, string name, string word) =>
            Text(parent, name) is { } text && text.Equals(word, StringComparison.OrdinalIgnoreCase) ? null : Int(parent, name);
    }
}
