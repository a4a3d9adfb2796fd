using System.Runtime.InteropServices;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Stv;

/// <summary>How a rank holding several candidates is read.</summary>
internal enum MultiMarkReading
{
    /// <summary>Several candidates at one rank are an overvote: the ballot stops there.</summary>
    Overvote,

    /// <summary>Several candidates at one rank are ranked equally and share the ballot's value (Meek).</summary>
    EqualRanking,
}

/// <summary>
/// Ballots reduced to what STV needs, with identical ballots grouped so each distinct ranking is
/// processed once per pass. Each ballot is a run of tokens in one flat array (no per-ballot objects
/// in the counting loops): a candidate index, <see cref="Overvote"/> (always the last token), or an
/// equal-ranking group (<see cref="GroupToken"/>). Skipped ranks are dropped; a candidate ranked
/// again later is dropped, since its earlier ranking already decided what it receives.
/// </summary>
internal sealed class CompiledBallots
{
    public const int Overvote = -1;

    /// <summary>A stop token for rules where a skipped rank ends the ballot (Scottish STV).</summary>
    public const int Stop = -2;

    private CompiledBallots(int[] tokens, int[] starts, long[] weights, int[] distinctRanked, int[][] groups)
    {
        Tokens = tokens;
        Starts = starts;
        Weights = weights;
        DistinctRanked = distinctRanked;
        Groups = groups;
    }

    public int[] Tokens { get; }
    /// <summary>Ballot b's tokens are Tokens[Starts[b]..Starts[b+1]].</summary>
    public int[] Starts { get; }
    public long[] Weights { get; }
    /// <summary>Distinct candidates the voter marked: tells an abstention (ranks left unused) from a full ballot.</summary>
    public int[] DistinctRanked { get; }
    public int[][] Groups { get; }
    public int Count => Weights.Length;

    public static int GroupToken(int group) => -3 - group;
    public static int GroupOf(int token) => -3 - token;

    public static CompiledBallots Compile(RankedElection election, MultiMarkReading reading, bool skippedRankStops = false)
    {
        var candidateCount = election.Candidates.Count;
        var index = new Dictionary<BallotKey, int>();
        var tokens = new List<int>();
        var starts = new List<int> { 0 };
        var weights = new List<long>();
        var distinct = new List<int>();
        var groups = new List<int[]>();
        var groupIndex = new Dictionary<string, int>();
        var scratch = new List<int>();
        var seen = new HashSet<int>();

        foreach (var ballot in election.Ballots)
        {
            if (ballot.Weight < 0)
                throw new CountingException("a ballot weight is negative");
            if (ballot.Weight == 0)
                continue;
            scratch.Clear();
            seen.Clear();
            var marked = new HashSet<int>();
            var stopped = false;
            foreach (var rank in ballot.Ranks)
            {
                foreach (var c in rank)
                {
                    if (c != RankedBallot.OvervoteMark && (c < 0 || c >= candidateCount))
                        throw new CountingException($"a ballot ranks candidate {c + 1}, but there are {candidateCount} candidates");
                    if (c >= 0) marked.Add(c);
                }
                if (stopped)
                    continue;
                if (rank.Length == 0)
                {
                    if (skippedRankStops) { scratch.Add(Stop); stopped = true; }
                    continue;
                }
                var isOvervote = rank.Contains(RankedBallot.OvervoteMark)
                    || (rank.Length > 1 && reading == MultiMarkReading.Overvote && rank.Distinct().Count() > 1);
                if (isOvervote)
                {
                    scratch.Add(Overvote);
                    stopped = true;
                    continue;
                }
                var fresh = rank.Distinct().Where(seen.Add).ToArray();
                if (fresh.Length == 1)
                    scratch.Add(fresh[0]);
                else if (fresh.Length > 1)
                {
                    Array.Sort(fresh);
                    var key = string.Join(',', fresh);
                    if (!groupIndex.TryGetValue(key, out var g))
                    {
                        g = groups.Count;
                        groups.Add(fresh);
                        groupIndex[key] = g;
                    }
                    scratch.Add(GroupToken(g));
                }
            }

            var ballotKey = new BallotKey([.. scratch], marked.Count);
            if (index.TryGetValue(ballotKey, out var existing))
            {
                weights[existing] = checked(weights[existing] + ballot.Weight);
                continue;
            }
            index[ballotKey] = weights.Count;
            tokens.AddRange(scratch);
            starts.Add(tokens.Count);
            weights.Add(ballot.Weight);
            distinct.Add(marked.Count);
        }

        return new CompiledBallots([.. tokens], [.. starts], [.. weights], [.. distinct], [.. groups]);
    }

    private sealed class BallotKey(int[] tokens, int distinct) : IEquatable<BallotKey>
    {
        private readonly int[] _tokens = tokens;
        private readonly int _distinct = distinct;

        public bool Equals(BallotKey? other) =>
            other is not null && other._distinct == _distinct && _tokens.AsSpan().SequenceEqual(other._tokens);

        public override bool Equals(object? obj) => Equals(obj as BallotKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_distinct);
            hash.AddBytes(MemoryMarshal.AsBytes(_tokens.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
