using System.Globalization;
using System.Text;

namespace Plenum.Counting.Results;

/// <summary>
/// A count result as plain text that reads like an official count sheet: winners first, then each
/// round as a table of candidates with their votes and the change since the previous round.
/// </summary>
public static class ResultText
{
    public static string Render(CountResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"Method: {result.Method}    Seats: {result.Seats}    Candidates: {result.Candidates.Count}");
        text.AppendLine(result.Winners.Count == 0 ? "No winner." : $"Elected: {string.Join(", ", result.Winners)}");
        foreach (var note in result.Notes) text.AppendLine($"Note: {note}");

        IReadOnlyDictionary<string, decimal>? previous = null;
        foreach (var round in result.Rounds)
        {
            text.AppendLine();
            text.Append($"Round {round.Number}");
            if (round.Quota is { } quota) text.Append($"    quota {Number(quota)}");
            if (round.Surplus is { } surplus) text.Append($"    surplus {Number(surplus)}");
            text.AppendLine();
            AppendTable(text, round, previous);
            foreach (var (reason, value) in round.Inactive.Where(kv => kv.Value != 0))
                text.AppendLine($"  inactive ({reason}): {Number(value)}");
            if (round.Elected.Count > 0) text.AppendLine($"  elected: {string.Join(", ", round.Elected)}");
            if (round.Eliminated.Count > 0) text.AppendLine($"  eliminated: {string.Join(", ", round.Eliminated)}");
            if (round.Note is { Length: > 0 } roundNote) text.AppendLine($"  {roundNote}");
            previous = round.Tallies;
        }
        foreach (var tie in result.Ties)
            text.AppendLine($"Tie in round {tie.Round} between {string.Join(", ", tie.Tied)}: {tie.Chosen} chosen by {tie.Rule}{(tie.Seed is null ? "" : $" (seed {tie.Seed})")}.");
        return text.ToString();
    }

    static void AppendTable(StringBuilder text, CountRound round, IReadOnlyDictionary<string, decimal>? previous)
    {
        var rows = round.Tallies.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return;
        var nameWidth = Math.Max(9, rows.Max(r => r.Key.Length));
        var total = rows.Sum(r => r.Value);
        text.AppendLine($"  {"Candidate".PadRight(nameWidth)}  {"Votes",14}  {"Share",7}  {"Change",14}");
        foreach (var (name, votes) in rows)
        {
            var share = total == 0 ? "" : (votes / total).ToString("P1", CultureInfo.InvariantCulture);
            var change = previous is not null && previous.TryGetValue(name, out var before) && before != votes
                ? (votes - before > 0 ? "+" : "") + Number(votes - before)
                : "";
            text.AppendLine($"  {name.PadRight(nameWidth)}  {Number(votes),14}  {share,7}  {change,14}");
        }
    }

    /// <summary>Up to ten decimals (every rule here prescribes fewer), trailing zeros dropped.</summary>
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
