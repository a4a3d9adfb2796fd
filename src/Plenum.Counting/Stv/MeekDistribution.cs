using System.Numerics;

namespace Plenum.Counting.Stv;

/// <summary>Where the ballots' value went in one Meek iteration (raw fixed-point units).</summary>
internal sealed class MeekTally(int candidates)
{
    public long[] Votes { get; } = new long[candidates];
    public long Overvotes { get; set; }
    public long Abstentions { get; set; }
    public long OtherExhausted { get; set; }

    public void Clear()
    {
        Array.Clear(Votes);
        Overvotes = Abstentions = OtherExhausted = 0;
    }
}

/// <summary>
/// Reference rule step B.2.a: each ballot gives every hopeful or elected candidate it reaches the
/// candidate's keep factor times the ballot's remaining weight (rounded up), and passes the rest on.
/// Candidates ranked equally split the weight equally, averaged over every order of the tied
/// candidates (equivalent to the ballot being split into one copy per order).
/// </summary>
internal sealed class MeekDistribution(CompiledBallots ballots, FixedPoint fp, int maxWellRanked)
{
    private long[] _subsetWeights = [];

    public void Distribute(long[] keepFactors, bool[] active, MeekTally tally)
    {
        tally.Clear();
        var tokens = ballots.Tokens;
        var starts = ballots.Starts;
        var votes = tally.Votes;
        var one = fp.One;
        for (var b = 0; b < ballots.Count; b++)
        {
            var multiple = ballots.Weights[b];
            var weight = one;
            for (var i = starts[b]; i < starts[b + 1] && weight > 0; i++)
            {
                var token = tokens[i];
                if (token >= 0)
                {
                    if (!active[token]) continue;
                    var kf = keepFactors[token];
                    var keep = kf == one ? weight : fp.MulUp(weight, kf);
                    votes[token] = checked(votes[token] + keep * multiple);
                    weight -= keep;
                }
                else if (token == CompiledBallots.Overvote)
                {
                    tally.Overvotes = checked(tally.Overvotes + weight * multiple);
                    weight = 0;
                }
                else
                {
                    weight = DistributeEqual(ballots.Groups[CompiledBallots.GroupOf(token)], weight, multiple, keepFactors, active, votes);
                }
            }
            if (weight > 0)
            {
                var exhausted = checked(weight * multiple);
                if (ballots.DistinctRanked[b] < maxWellRanked) tally.Abstentions = checked(tally.Abstentions + exhausted);
                else tally.OtherExhausted = checked(tally.OtherExhausted + exhausted);
            }
        }
    }

    /// <summary>
    /// Splits weight among equally ranked active candidates. Rather than walking all k! orders, it tracks how
    /// much weight is still unplaced for each subset of the tied candidates: from each subset the weight is
    /// divided equally among its members as "next", each keeps its share and the rest moves to the subset
    /// without it. A hopeful candidate (keep factor 1) keeps its whole share, so only subsets of the tied
    /// elected candidates need tracking (2^elected states, elected ≤ seats). Returns the weight left over.
    /// </summary>
    private long DistributeEqual(int[] group, long weight, long multiple, long[] keepFactors, bool[] active, long[] votes)
    {
        Span<int> partial = stackalloc int[group.Length];
        Span<int> full = stackalloc int[group.Length];
        int p = 0, h = 0;
        foreach (var c in group)
        {
            if (!active[c]) continue;
            if (keepFactors[c] == fp.One) full[h++] = c;
            else partial[p++] = c;
        }
        if (p + h == 0) return weight;
        if (p > 20) throw new CountingException("more than 20 elected candidates ranked equally on one ballot");

        var all = (1 << p) - 1;
        if (_subsetWeights.Length <= all) _subsetWeights = new long[all + 1];
        var pending = _subsetWeights.AsSpan(0, all + 1);
        pending.Clear();
        pending[all] = weight;
        for (var mask = all; mask >= 0; mask--)
        {
            var value = pending[mask];
            if (value == 0) continue;
            var n = BitOperations.PopCount((uint)mask) + h;
            if (n == 0) continue; // nobody left in the group: the value goes on to later ranks
            var share = value / n;
            var extra = value % n; // the first members take one raw unit more, so no value is lost
            var position = 0;
            for (var j = 0; j < h; j++)
            {
                var part = share + (position++ < extra ? 1 : 0);
                votes[full[j]] = checked(votes[full[j]] + part * multiple);
            }
            for (var j = 0; j < p; j++)
            {
                if ((mask & (1 << j)) == 0) continue;
                var part = share + (position++ < extra ? 1 : 0);
                var c = partial[j];
                var keep = fp.MulUp(part, keepFactors[c]);
                votes[c] = checked(votes[c] + keep * multiple);
                pending[mask & ~(1 << j)] += part - keep;
            }
            pending[mask] = 0;
        }
        return pending[0];
    }
}
