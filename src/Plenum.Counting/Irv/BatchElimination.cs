namespace Plenum.Counting.Irv;

/// <summary>
/// Candidates who cannot win even if every vote of the candidates below them came to them:
/// walking up from the lowest tally, everyone below a tally that exceeds their combined votes can go.
/// </summary>
internal static class BatchElimination
{
    /// <param name="leavesOnlyOne">Continue-until-two: true if eliminating this batch would leave a single candidate, so the batch before it is taken.</param>
    public static List<int> Find(IReadOnlyList<int> active, decimal[] tally, Func<List<int>, bool> leavesOnlyOne)
    {
        var running = 0m;
        var seen = new List<int>();
        List<int> best = [], previous = [];
        foreach (var group in active.GroupBy(c => tally[c]).OrderBy(g => g.Key))
        {
            if (running < group.Key && seen.Count > best.Count)
            {
                previous = best;
                best = [.. seen];
            }
            running += group.Key * group.Count();
            seen.AddRange(group.OrderBy(c => c));
        }
        if (leavesOnlyOne(best)) best = previous;
        return best.Count > 1 ? best : [];
    }
}
