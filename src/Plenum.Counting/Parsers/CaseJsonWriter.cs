using System.Text.Encodings.Web;
using System.Text.Json;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Writes ranked ballots in the JSON test-case schema that <see cref="CaseJsonReader"/> reads, so that
/// `plenum tally FILE.json` recounts them. One ballot group per line, <c>[count, [names best first]]</c>;
/// a skipped rank is written "" and an overvote mark "#", as the schema has them.
/// </summary>
public static class CaseJsonWriter
{
    static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether every name can be told apart from the schema's codes for a skipped rank ("") and an overvote ("#").</summary>
    public static bool CanWrite(IReadOnlyList<string> candidates) => !candidates.Any(name => name is "" or "#");

    /// <exception cref="CountingException">A name or a rank the schema cannot hold.</exception>
    public static void Write(TextWriter output, RankedElection election)
    {
        if (!CanWrite(election.Candidates)) throw new CountingException("a candidate named \"\" or \"#\" cannot be written in the test-case schema");
        output.Write("{\n");
        if (election.Title is { } title) output.Write($"  \"description\": {Quote(title)},\n");
        output.Write($"  \"nbr_seats_to_fill\": {election.Seats},\n");
        output.Write($"  \"candidates\": {List(election.Candidates)},\n");
        if (election.WithdrawnCandidates.Count > 0)
            output.Write($"  \"excluded\": {List(election.WithdrawnCandidates.Order().Select(c => election.Candidates[c]))},\n");
        output.Write("  \"ballots\": [");
        for (var i = 0; i < election.Ballots.Count; i++)
        {
            var ballot = election.Ballots[i];
            output.Write(i == 0 ? "\n" : ",\n");
            output.Write($"    [{ballot.Weight}, {List(ballot.Ranks.Select(rank => Code(rank, election.Candidates)))}]");
        }
        output.Write(election.Ballots.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
    }

    static string Code(int[] rank, IReadOnlyList<string> candidates) => rank switch
    {
        [] => "",
        [var candidate] when candidate != RankedBallot.OvervoteMark => candidates[candidate],
        _ when rank.Contains(RankedBallot.OvervoteMark) => "#",
        _ => throw new CountingException("the test-case schema cannot hold two candidates at one rank"),
    };

    static string List(IEnumerable<string> names) => $"[{string.Join(", ", names.Select(Quote))}]";

    static string Quote(string text) => JsonSerializer.Serialize(text, Strings);
}
