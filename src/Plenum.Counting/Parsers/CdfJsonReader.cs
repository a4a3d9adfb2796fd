using System.Text.Json;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Reads NIST SP 1500-103 Cast Vote Record Common Data Format JSON: the election's candidates and
/// contest selections, then each CVR's current snapshot, whose selection positions carry ranks.
/// One file is parsed as a document because the election definition may follow the CVRs.
/// </summary>
public static class CdfJsonReader
{
    /// <param name="maxRankings">Highest rank allowed; a ballot ranking beyond it is refused. Null for no limit.</param>
    /// <exception cref="CountingException">Malformed JSON (with line), or a file whose contest or candidates do not match the config.</exception>
    public static IReadOnlyList<RankedBallot> Read(Stream stream, string fileName, CvrSource source, CandidateNames candidates, int? maxRankings = null)
    {
        using var document = Parse(stream, fileName);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new CountingException("a CDF report must be a JSON object", fileName);
        var (contestId, selections) = ReadContest(root, fileName, source, candidates);

        var ballots = new List<RankedBallot>();
        var number = 0;
        foreach (var cvr in Items(root, "CVR"))
        {
            number++;
            var snapshot = CurrentSnapshot(cvr);
            var contest = snapshot is null ? null : Items(snapshot.Value, "CVRContest")
                .Cast<JsonElement?>().FirstOrDefault(c => Text(c!.Value, "ContestId") == contestId);
            if (contest is null) continue; // this ballot did not carry the contest
            ballots.Add(ReadBallot(contest.Value, selections, fileName, Describe(cvr, number), maxRankings));
        }
        return ballots;
    }

    private static JsonDocument Parse(Stream stream, string fileName)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException error)
        {
            var line = error.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            throw new CountingException($"malformed JSON: {error.Message}", fileName, line);
        }
    }

    private static (string ContestId, Dictionary<string, int> Selections) ReadContest(JsonElement root, string fileName, CvrSource source, CandidateNames candidates)
    {
        var elections = Items(root, "Election").ToList();
        var candidateNames = elections.SelectMany(e => Items(e, "Candidate"))
            .Where(c => Text(c, "@id") is not null)
            .ToDictionary(c => Text(c, "@id")!, c => Text(c, "Name") ?? Text(c, "@id")!);
        var contests = elections.SelectMany(e => Items(e, "Contest")).ToList();
        var wanted = string.IsNullOrWhiteSpace(source.ContestId) ? null : source.ContestId;
        var matching = contests.Where(c => wanted is null || Text(c, "@id") == wanted || Text(c, "Name") == wanted).ToList();
        if (matching.Count != 1)
            throw new CountingException(wanted is null
                ? $"the file has {matching.Count} contests; the config must name one"
                : $"contest \"{wanted}\" is {(matching.Count == 0 ? "not in" : "ambiguous in")} the file", fileName);
        var contest = matching[0];

        var selections = new Dictionary<string, int>();
        foreach (var selection in Items(contest, "ContestSelection"))
        {
            var id = Text(selection, "@id") ?? throw new CountingException("a contest selection has no @id", fileName);
            selections[id] = SelectionCandidate(selection, id, candidateNames, fileName, source, candidates);
        }
        return (Text(contest, "@id") ?? wanted!, selections);
    }

    private static int SelectionCandidate(JsonElement selection, string id, Dictionary<string, string> candidateNames, string fileName, CvrSource source, CandidateNames candidates)
    {
        var ids = Items(selection, "CandidateIds").Select(e => e.GetString()).ToList();
        if (ids.Count == 0 && selection.TryGetProperty("IsWriteIn", out var writeIn) && writeIn.ValueKind == JsonValueKind.True)
            return candidates.UndeclaredWriteIn ?? throw new CountingException($"selection \"{id}\" is a write-in but the config defines no undeclared write-in label", fileName);
        if (ids.Count != 1)
        {
            // A selection that names no candidate can still stand for a configured label (an overvote, a write-in).
            var marks = candidates.Resolve(Text(selection, "Name") ?? id, source, fileName, null);
            return marks.Length == 1 ? marks[0] : throw new CountingException($"selection \"{id}\" does not name exactly one candidate", fileName);
        }
        var name = ids[0] is { } candidateId && candidateNames.TryGetValue(candidateId, out var n) ? n : ids[0] ?? "";
        return candidates.Resolve(name, source, fileName, null) is [var index] ? index
            : throw new CountingException($"selection \"{id}\" does not name exactly one candidate", fileName);
    }

    private static JsonElement? CurrentSnapshot(JsonElement cvr)
    {
        var snapshots = Items(cvr, "CVRSnapshot").ToList();
        var current = Text(cvr, "CurrentSnapshotId");
        return snapshots.Cast<JsonElement?>().FirstOrDefault(s => Text(s!.Value, "@id") == current)
               ?? (snapshots.Count > 0 ? snapshots[0] : null);
    }

    private static RankedBallot ReadBallot(JsonElement contest, Dictionary<string, int> selections, string fileName, string ballot, int? maxRankings)
    {
        var marksByRank = new SortedDictionary<int, List<int>>();
        foreach (var selection in Items(contest, "CVRContestSelection"))
        {
            var id = Text(selection, "ContestSelectionId");
            if (id is null || !selections.TryGetValue(id, out var candidate))
                throw new CountingException($"{ballot} marks selection \"{id}\", which the contest does not have", fileName);
            foreach (var position in Items(selection, "SelectionPosition"))
            {
                if (Text(position, "HasIndication") == "no" || Text(position, "IsAllocable") == "no") continue;
                if (!position.TryGetProperty("Rank", out var rankElement) || !rankElement.TryGetInt32(out var rank) || rank < 1)
                    throw new CountingException($"{ballot} has a selection position without a valid Rank", fileName);
                if (rank > maxRankings)
                    throw new CountingException($"{ballot} ranks at {rank}, beyond the {maxRankings} rankings allowed", fileName);
                if (!marksByRank.TryGetValue(rank, out var marks)) marksByRank[rank] = marks = [];
                if (!marks.Contains(candidate)) marks.Add(candidate);
            }
        }
        var ranks = new int[marksByRank.Count == 0 ? 0 : marksByRank.Keys.Max()][];
        for (var i = 0; i < ranks.Length; i++) ranks[i] = marksByRank.TryGetValue(i + 1, out var m) ? [.. m] : [];
        return new RankedBallot(ranks);
    }

    private static string Describe(JsonElement cvr, int number) =>
        Text(cvr, "BallotPrePrintedId") is { } id ? $"CVR {number} (ballot {id})" : $"CVR {number}";

    /// <summary>A property's items whether the file gives an array or a single object.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return [];
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            JsonValueKind.Object => [value],
            _ => [],
        };
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
