using System.Globalization;
using Plenum.Counting.Simple;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Reads score ballots from CSV, streaming: the header names the candidates, one per column, and
/// optionally a <c>count</c> column; each following line is one ballot (or <c>count</c> identical
/// ones) with a whole-number score per candidate, or an empty cell for "no score".
/// Malformed input raises <see cref="CountingException"/> with the file and line.
/// </summary>
public static class ScoreCsvReader
{
    public static SimpleElection<ScoreBallot> Read(TextReader reader, string? file = null, int seats = 1, string? title = null)
    {
        var lineNumber = 0;
        string? line;
        List<string>? candidates = null;
        int? countColumn = null;
        var ballots = new List<ScoreBallot>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == 1) line = line.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = CsvLine.Split(line, file, lineNumber);
            if (candidates is null)
            {
                (candidates, countColumn) = ReadHeader(cells, file, lineNumber);
                continue;
            }
            if (cells.Count != candidates.Count + (countColumn is null ? 0 : 1))
                throw new CountingException($"expected {candidates.Count + (countColumn is null ? 0 : 1)} cells, found {cells.Count}", file, lineNumber);
            ballots.Add(ReadBallot(cells, countColumn, file, lineNumber));
        }
        if (candidates is null) throw new CountingException("no header row (expected one column per candidate)", file);
        return new SimpleElection<ScoreBallot>(candidates, seats, ballots, Title: title);
    }

    private static (List<string> Candidates, int? CountColumn) ReadHeader(List<string> cells, string? file, int lineNumber)
    {
        var candidates = new List<string>();
        int? countColumn = null;
        for (var column = 0; column < cells.Count; column++)
        {
            var name = cells[column].Trim();
            if (name.Equals("count", StringComparison.OrdinalIgnoreCase))
            {
                if (countColumn is not null) throw new CountingException("two count columns", file, lineNumber);
                countColumn = column;
            }
            else if (name.Length == 0) throw new CountingException($"column {column + 1} has no candidate name", file, lineNumber);
            else if (candidates.Contains(name)) throw new CountingException($"candidate \"{name}\" is listed twice", file, lineNumber);
            else candidates.Add(name);
        }
        if (candidates.Count == 0) throw new CountingException("no candidate columns", file, lineNumber);
        return (candidates, countColumn);
    }

    private static ScoreBallot ReadBallot(List<string> cells, int? countColumn, string? file, int lineNumber)
    {
        long weight = 1;
        var scores = new List<int?>(cells.Count);
        for (var column = 0; column < cells.Count; column++)
        {
            var text = cells[column].Trim();
            if (column == countColumn)
            {
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight < 1)
                    throw new CountingException($"count \"{text}\" is not a whole number of at least 1", file, lineNumber);
                continue;
            }
            if (text.Length == 0) { scores.Add(null); continue; }
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
                throw new CountingException($"score \"{text}\" in column {column + 1} is not a whole number", file, lineNumber);
            scores.Add(score);
        }
        return new ScoreBallot(scores, weight);
    }
}
