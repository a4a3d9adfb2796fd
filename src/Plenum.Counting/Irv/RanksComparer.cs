namespace Plenum.Counting.Irv;

/// <summary>Compares ballots by their marks rank by rank, so identical ballots can be counted once with a weight.</summary>
internal sealed class RanksComparer : IEqualityComparer<IReadOnlyList<int[]>>
{
    public static readonly RanksComparer Instance = new();

    public bool Equals(IReadOnlyList<int[]>? x, IReadOnlyList<int[]>? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Count != y.Count) return false;
        for (var i = 0; i < x.Count; i++)
            if (!x[i].AsSpan().SequenceEqual(y[i])) return false;
        return true;
    }

    public int GetHashCode(IReadOnlyList<int[]> ranks)
    {
        // A plain multiply-add hash: ballots are short, and this runs once per ballot read.
        var hash = ranks.Count;
        for (var i = 0; i < ranks.Count; i++)
        {
            var rank = ranks[i];
            hash = hash * 31 + rank.Length;
            foreach (var mark in rank) hash = hash * 31 + mark;
        }
        return hash;
    }
}
