namespace Plenum.Counting.Condorcet;

/// <summary>
/// p[a, b]: the strength of the strongest path (beatpath) from a to b, a path's strength being its
/// weakest link; 0 when there is no path. Links are only defeats (a beats b), with the strength
/// the variant gives; computed by the widest-path Floyd–Warshall of Schulze's paper.
/// </summary>
public static class StrongestPaths
{
    public static long[,] Compute(PairwiseMatrix d, SchulzeVariant variant, IReadOnlyList<int> among)
    {
        var p = new long[d.Size, d.Size];
        foreach (var a in among)
        foreach (var b in among)
            if (a != b && d.Beats(a, b))
                p[a, b] = variant == SchulzeVariant.Margins ? d[a, b] - d[b, a] : d[a, b];

        foreach (var via in among)
        foreach (var a in among)
        {
            if (a == via) continue;
            foreach (var b in among)
                if (b != via && b != a)
                    p[a, b] = Math.Max(p[a, b], Math.Min(p[a, via], p[via, b]));
        }
        return p;
    }

    /// <summary>Candidates no one beats by strongest paths: p[w, x] ≥ p[x, w] for every x.</summary>
    public static IReadOnlyList<int> PotentialWinners(long[,] p, IReadOnlyList<int> among) =>
        among.Where(w => among.All(x => p[w, x] >= p[x, w])).ToArray();
}
