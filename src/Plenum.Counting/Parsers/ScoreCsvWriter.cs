using System.Globalization;
using Plenum.Counting.Simple;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Writes score ballots as the CSV that <see cref="ScoreCsvReader"/> reads: a header naming the
/// candidates and a <c>count</c> column, then one line per group of identical ballots.
/// </summary>
public static class ScoreCsvWriter
{
    const string CountColumn = "count";

    /// <summary>Whether the header can name every candidate: the reader takes a column named "count" for the ballot count.</summary>
    public static bool CanWrite(IReadOnlyList<string> candidates) =>
        !candidates.Any(name => name.Trim().Length == 0 || name.Trim().Equals(CountColumn, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="CountingException">A candidate name the header cannot hold.</exception>
    public static void Write(TextWriter output, SimpleElection<ScoreBallot> election)
    {
        if (!CanWrite(election.Candidates)) throw new CountingException("a candidate named \"count\" (or with no name) cannot be a column of a score CSV");
        output.Write(string.Join(',', election.Candidates.Select(Cell).Append(CountColumn)));
        output.Write('\n');
        foreach (var ballot in election.Ballots)
        {
            var scores = ballot.Scores.Select(score => score?.ToString(CultureInfo.InvariantCulture) ?? "");
            output.Write(string.Join(',', scores.Append(ballot.Weight.ToString(CultureInfo.InvariantCulture))));
            output.Write('\n');
        }
    }

    /// <summary>RFC 4180: quoted, with quotes doubled, when the text holds a comma or a quote.</summary>
    static string Cell(string text) => text.IndexOfAny([',', '"']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
