using System.Text;
using Plenum.Counting.Ballots;

namespace Plenum.Decisions;

/// <summary>
/// Writes a decision's ballots in the .blt format (identical ballots grouped, no voter, no order of
/// casting), so anyone can recount them with `plenum tally` or other STV software.
/// </summary>
public static class BltExport
{
    public static string Write(RankedElection election)
    {
        var blt = new StringBuilder($"{election.Candidates.Count} {election.Seats}\n");
        // A decision's ballots hold one option per rank.
        foreach (var ballot in election.Ballots)
            blt.Append(ballot.Weight).Append(' ').AppendJoin(' ', ballot.Ranks.Select(rank => rank[0] + 1)).Append(" 0\n");
        blt.Append("0\n");
        foreach (var candidate in election.Candidates) blt.Append(Quoted(candidate)).Append('\n');
        blt.Append(Quoted(election.Title ?? "")).Append('\n');
        return blt.ToString();
    }

    static string Quoted(string text) => $"\"{text.Replace("\"", "'")}\"";
}
