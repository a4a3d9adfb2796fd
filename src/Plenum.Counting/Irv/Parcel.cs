namespace Plenum.Counting.Irv;

/// <summary>
/// Identical ballots counted together: how many, the value each carries now (1 until a
/// multi-winner surplus transfer reduces it), who they count for, or why they count for no one.
/// </summary>
internal sealed class Parcel(IReadOnlyList<int[]> ranks, long count)
{
    public IReadOnlyList<int[]> Ranks { get; } = ranks;
    public long Count { get; } = count;
    public decimal Value { get; set; } = 1m;
    /// <summary>Candidate index, or -1 before the first count and once inactive.</summary>
    public int Holder { get; set; } = -1;
    public string? InactiveReason { get; set; }
    public decimal Total => Value * Count;
}

/// <summary>Groups identical ballots so the count works on distinct rankings, not on every ballot.</summary>
internal static class Parcels
{
    public static (List<Parcel> Parcels, long Blank) Group(IEnumerable<Ballots.RankedBallot> ballots)
    {
        var weights = new Dictionary<IReadOnlyList<int[]>, long>(RanksComparer.Instance);
        long blank = 0;
        foreach (var ballot in ballots)
        {
            if (ballot.Weight < 0) throw new CountingException($"a ballot has a negative weight ({ballot.Weight})");
            var ranks = WithoutTrailingBlanks(ballot.Ranks);
            if (ranks.Count == 0) { blank = checked(blank + ballot.Weight); continue; }
            ref var weight = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(weights, ranks, out _);
            weight = checked(weight + ballot.Weight);
        }
        return (weights.Where(w => w.Value > 0).Select(w => new Parcel(w.Key, w.Value)).ToList(), blank);
    }

    // Blank ranks after the last mark change nothing, so ballots differing only there are the same ballot.
    private static IReadOnlyList<int[]> WithoutTrailingBlanks(IReadOnlyList<int[]> ranks)
    {
        var last = BallotChoices.LastMarkedRank(ranks);
        if (last == ranks.Count) return ranks;
        var trimmed = new int[last][];
        for (var i = 0; i < last; i++) trimmed[i] = ranks[i];
        return trimmed;
    }
}
