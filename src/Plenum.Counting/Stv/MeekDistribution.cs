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
    /// Splits weight among equally ranked active candidates. Rather than walking all k! orders, it tracks
    /// how much weight is still unplaced for each subset of the tied candidates (2^k states): from each
    /// subset the weight is divided equally among its members as "next", each keeps its share and the
    /// rest moves to the subset without it. Returns the weight left for later ranks.
    /// </summary>
    private long DistributeEqual(int[] group, long weight, long multiple, long[] keepFactors, bool[] active, long[] votes)
    {
        Span<int> members = stackalloc int[group.Length];
        var k = 0;
        foreach (var c in group)
            if (active[c]) members[k++] = c;
        if (k == 0) return weight;
        if (k > 20) throw new CountingException("more than 20 candidates ranked equally on one ballot");

        var full = (1 << k) - 1;
        if (_subsetWeights.Length <= full) _subsetWeights = new long[full + 1];
        var pending = _subsetWeights.AsSpan(0, full + 1);
        pending.Clear();
        pending[full] = weight;
        for (var mask = full; mask > 0; mask--)
        {
            var value = pending[mask];
            if (value == 0) continue;
            var n = BitOperations.PopCount((uint)mask);
            var share = value / n;
            var extra = value % n; // the first members take one raw unit more, so no value is lost
            var position = 0;
            for (var j = 0; j < k; j++)
            {
                if ((mask & (1 << j)) == 0) continue;
                var part = share + (position++ < extra ? 1 : 0);
                var c = members[j];
                var keep = keepFactors[c] == fp.One ? part : fp.MulUp(part, keepFactors[c]);
                votes[c] = checked(votes[c] + keep * multiple);
                pending[mask & ~(1 << j)] += part - keep;
            }
        }
        return pending[0];
    }
}
