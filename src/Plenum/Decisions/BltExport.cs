using System.Text;

namespace Plenum.Decisions;

/// <summary>
/// Writes a decision's ballots in the .blt format (identical ballots grouped, no voter, no order of
/// casting), so anyone can recount them with `plenum tally` or other STV software.
/// </summary>
public static class BltExport
{
    public static string Write(Decision decision, IEnumerable<string> positions)
    {
        var options = decision.OptionList;
        var blt = new StringBuilder($"{options.Count} {(decision.Type == DecisionType.Election ? decision.Seats : 1)}\n");
        foreach (var group in positions.GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            blt.Append(group.Count()).Append(' ').AppendJoin(' ', ChoiceBallots.Read(group.Key).Select(o => o + 1)).Append(" 0\n");
        blt.Append("0\n");
        foreach (var option in options) blt.Append(Quoted(option)).Append('\n');
        blt.Append(Quoted(decision.Title)).Append('\n');
        return blt.ToString();
    }

    static string Quoted(string text) => $"\"{text.Replace("\"", "'")}\"";
}
