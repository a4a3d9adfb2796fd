using System.Globalization;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Reads ranked ballots from CSV, one ballot per line, streaming (a line at a time).
/// The header names the columns: <c>rank1, rank2, … rankN</c> (any order, each once) and
/// optionally <c>count</c>, how many identical ballots the line stands for (default 1).
/// Rank cells hold candidate names; an empty cell is a skipped rank (empty cells after the
/// last named candidate are unused ranks and are dropped). Blank lines are ignored.
/// Candidates are numbered in order of first appearance unless a candidate list is given, in
/// which case other names are errors. Malformed input raises <see cref="CountingException"/>
/// with the file and line.
/// </summary>
public static class CsvBallotReader
{
    private sealed record Header(int[] RankColumns, int? CountColumn, int Width);

    public static RankedElection Read(
        TextReader reader, string? file = null, int seats = 1, IReadOnlyList<string>? candidates = null, string? title = null)
    {
        var names = candidates?.ToList() ?? [];
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            if (!indexOf.TryAdd(names[i], i)) throw new CountingException($"candidate \"{names[i]}\" is listed twice", file);

        var lineNumber = 0;
        string? line;
        Header? header = null;
        var ballots = new List<RankedBallot>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == 1) line = line.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = CsvLine.Split(line, file, lineNumber);
            if (header is null) { header = ReadHeader(cells, file, lineNumber); continue; }
            if (cells.Count != header.Width)
                throw new CountingException($"expected {header.Width} cells, found {cells.Count}", file, lineNumber);
            ballots.Add(ReadBallot(cells, header, names, indexOf, candidates is null, file, lineNumber));
        }
        if (header is null) throw new CountingException("no header row (expected rank1,rank2,…)", file, lineNumber == 0 ? null : lineNumber);
        return new RankedElection(names, seats, ballots, Title: title);
    }

    private static Header ReadHeader(List<string> cells, string? file, int lineNumber)
    {
        var ranks = new Dictionary<int, int>(); // rank number → column
        int? countColumn = null;
        for (var column = 0; column < cells.Count; column++)
        {
            var name = cells[column].ToLowerInvariant();
            if (name == "count")
            {
                if (countColumn is not null) throw new CountingException("two count columns", file, lineNumber);
                countColumn = column;
            }
            else if (name.StartsWith("rank", StringComparison.Ordinal)
                     && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank >= 1)
            {
                if (!ranks.TryAdd(rank, column)) throw new CountingException($"column rank{rank} appears twice", file, lineNumber);
            }
            else
            {
                throw new CountingException($"unknown column \"{cells[column]}\" (expected rank1, rank2, … and optionally count)", file, lineNumber);
            }
        }
        if (ranks.Count == 0) throw new CountingException("no rank columns (expected rank1, rank2, …)", file, lineNumber);
        for (var rank = 1; rank <= ranks.Count; rank++)
            if (!ranks.ContainsKey(rank)) throw new CountingException($"column rank{rank} is missing", file, lineNumber);
        return new Header(Enumerable.Range(1, ranks.Count).Select(r => ranks[r]).ToArray(), countColumn, cells.Count);
    }

    private static RankedBallot ReadBallot(
        List<string> cells, Header header, List<string> names, Dictionary<string, int> indexOf, bool addNew,
        string? file, int lineNumber)
    {
        long weight = 1;
        if (header.CountColumn is { } countColumn)
        {
            var text = cells[countColumn];
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight < 1)
                throw new CountingException($"count \"{text}\" is not a whole number of at least 1", file, lineNumber);
        }

        var ranks = new List<int[]>();
        foreach (var column in header.RankColumns)
        {
            var name = cells[column];
            if (name.Length == 0) { ranks.Add([]); continue; }
            if (!indexOf.TryGetValue(name, out var candidate))
            {
                if (!addNew) throw new CountingException($"unknown candidate \"{name}\"", file, lineNumber);
                candidate = names.Count;
                names.Add(name);
                indexOf.Add(name, candidate);
            }
            ranks.Add([candidate]);
        }
        while (ranks.Count > 0 && ranks[^1].Length == 0) ranks.RemoveAt(ranks.Count - 1);
        return new RankedBallot(ranks, weight);
    }
}
