using Plenum.Counting.Ballots;

namespace Plenum.Counting.Tests.Support;

/// <summary>
/// Elections written the way papers write them: candidates are letters, "5 ACBED" is five
/// ballots ranking A, C, B, E, D; letters in parentheses share a rank: "2 A(BC)D".
/// </summary>
public static class LetterBallots
{
    public static RankedElection Election(string letters, int seats, params string[] ballots) =>
        new(letters.Select(c => c.ToString()).ToArray(), seats, ballots.Select(b => Ballot(letters, b)).ToArray());

    public static RankedElection Election(string letters, params string[] ballots) => Election(letters, 1, ballots);

    public static RankedBallot Ballot(string letters, string text)
    {
        var parts = text.Split(' ', 2);
        var weight = long.Parse(parts[0]);
        var ranks = new List<int[]>();
        var group = (List<int>?)null;
        foreach (var c in parts.Length > 1 ? parts[1] : "")
        {
            switch (c)
            {
                case '(': group = []; break;
                case ')': ranks.Add(group!.ToArray()); group = null; break;
                default:
                    var candidate = letters.IndexOf(c);
                    if (candidate < 0) throw new ArgumentException($"unknown candidate {c}");
                    if (group is null) ranks.Add([candidate]); else group.Add(candidate);
                    break;
            }
        }
        return new RankedBallot(ranks, weight);
    }
}
