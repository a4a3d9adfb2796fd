using Plenum.Counting.Ballots;

namespace Plenum.Counting.Condorcet;

/// <summary>
/// d[a, b]: the weight of ballots that rank a strictly above b. Equal rankings and two unranked
/// candidates count for neither side. Indexed by candidate id; withdrawn candidates are left at 0.
/// </summary>
public sealed class PairwiseMatrix
{
    private readonly long[,] _preferred;

    private PairwiseMatrix(long[,] preferred) => _preferred = preferred;

    public int Size => _preferred.GetLength(0);

    public long this[int preferred, int over] => _preferred[preferred, over];

    /// <summary>a beats b: more ballots prefer a to b than b to a.</summary>
    public bool Beats(int a, int b) => _preferred[a, b] > _preferred[b, a];

    public static PairwiseMatrix From(RankedElection election)
    {
        var continuing = ElectionChecks.Continuing(election);
        var n = election.Candidates.Count;
        var preferred = new long[n, n];
        for (var index = 0; index < election.Ballots.Count; index++)
        {
            var ballot = election.Ballots[index];
            ElectionChecks.CheckWeight(ballot.Weight, index);
            var positions = RankPositions.Of(ballot, n, index);
            foreach (var a in continuing)
            foreach (var b in continuing)
                if (positions[a] < positions[b])
                    preferred[a, b] = checked(preferred[a, b] + ballot.Weight);
        }
        return new PairwiseMatrix(preferred);
    }

    /// <summary>The candidate among <paramref name="among"/> who beats every other one, if any.</summary>
    public int? CondorcetWinner(IReadOnlyCollection<int> among)
    {
        foreach (var a in among)
            if (among.All(b => b == a || Beats(a, b)))
                return a;
        return null;
    }

    /// <summary>Rows by candidate id, for Details: plain arrays serialise anywhere.</summary>
    public long[][] ToArrays() => ToArrays(_preferred);

    internal static long[][] ToArrays(long[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0))
            .Select(row => Enumerable.Range(0, matrix.GetLength(1)).Select(col => matrix[row, col]).ToArray())
            .ToArray();
}
