namespace Plenum.Counting.Condorcet;

/// <summary>
/// The Smith set: the smallest set of candidates each of whom beats every candidate outside it.
/// A candidate belongs to it exactly when it reaches every other candidate through a chain of
/// "beats or ties" (the top cycle of the weak majority relation), which is how it is computed.
/// </summary>
public static class SmithSet
{
    public static IReadOnlyList<int> Of(PairwiseMatrix matrix, IReadOnlyList<int> among)
    {
        var n = matrix.Size;
        var reaches = new bool[n, n];
        foreach (var a in among)
        foreach (var b in among)
            reaches[a, b] = a == b || matrix[a, b] >= matrix[b, a];
        foreach (var via in among)
        foreach (var a in among)
        foreach (var b in among)
            if (reaches[a, via] && reaches[via, b])
                reaches[a, b] = true;
        return among.Where(a => among.All(b => reaches[a, b])).ToArray();
    }
}
