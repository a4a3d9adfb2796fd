namespace Plenum.Counting.Tests.Oracles;

/// <summary>A group of identical ballots: candidate indices from first choice down, counted Weight times.</summary>
public sealed record WeightedOrder(int[] Order, long Weight);

/// <summary>
/// Random ranked ballots, deterministic for a seed (the seed is printed when a comparison fails).
/// Candidates get random popularities and orders are drawn by popularity (Plackett–Luce), so counts
/// have clear leaders and surpluses as well as close races, not just uniform noise.
/// </summary>
public static class RandomBallots
{
    public static string[] Names(int count) => Enumerable.Range(0, count).Select(i => ((char)('A' + i)).ToString()).ToArray();

    /// <summary>Groups adding up to <paramref name="totalBallots"/>; truncated orders rank 1..all candidates.</summary>
    public static List<WeightedOrder> Groups(Random random, int candidates, int totalBallots, bool truncate)
    {
        var popularity = Enumerable.Range(0, candidates).Select(_ => 1 + random.NextDouble() * 9).ToArray();
        var groups = new List<WeightedOrder>();
        for (long left = totalBallots; left > 0;)
        {
            var weight = Math.Min(left, random.Next(1, 9));
            var length = truncate ? random.Next(1, candidates + 1) : candidates;
            groups.Add(new WeightedOrder(Order(random, popularity, length), weight));
            left -= weight;
        }
        return groups;
    }

    /// <summary>Draws <paramref name="length"/> distinct candidates, each pick in proportion to popularity.</summary>
    private static int[] Order(Random random, double[] popularity, int length)
    {
        var left = Enumerable.Range(0, popularity.Length).ToList();
        var order = new int[length];
        for (var place = 0; place < length; place++)
        {
            var pick = random.NextDouble() * left.Sum(c => popularity[c]);
            var chosen = left.SkipWhile(c => (pick -= popularity[c]) > 0).DefaultIfEmpty(left[^1]).First();
            order[place] = chosen;
            left.Remove(chosen);
        }
        return order;
    }

    /// <summary>A random permutation of 0..count-1 (tie-breaking orders).</summary>
    public static int[] Permutation(Random random, int count)
    {
        var items = Enumerable.Range(0, count).ToArray();
        random.Shuffle(items);
        return items;
    }
}
