using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Stv;

/// <summary>
/// Ballot piles of a transfer-based STV count (WIGM, Scottish): where each group of identical ballots
/// currently sits and at what transfer value. A pile is a candidate index or one of the inactive
/// piles (negative codes).
/// </summary>
internal sealed class StvBallotState
{
    public const int OvervotePile = -1;
    public const int AbstentionPile = -2;
    public const int ExhaustedPile = -3;

    private readonly int[] _position;
    private readonly int _maxWellRanked;

    public StvBallotState(RankedElection election, CompiledBallots ballots, FixedPoint fp, int maxWellRanked)
    {
        if (election.Seats < 1)
            throw new CountingException($"the number of seats must be at least 1, not {election.Seats}");
        Ballots = ballots;
        Fp = fp;
        _maxWellRanked = maxWellRanked;
        _position = ballots.Starts[..^1];
        Value = new long[ballots.Count];
        Array.Fill(Value, fp.One);
        Pile = new int[ballots.Count];
        Piles = Enumerable.Range(0, election.Candidates.Count).Select(_ => new List<int>()).ToArray();
        Continuing = new bool[election.Candidates.Count];
        Array.Fill(Continuing, true);
        foreach (var w in election.WithdrawnCandidates)
        {
            if (w < 0 || w >= Continuing.Length) throw new CountingException($"withdrawn candidate {w + 1} does not exist");
            Continuing[w] = false;
        }
    }

    public CompiledBallots Ballots { get; }
    public FixedPoint Fp { get; }
    /// <summary>Transfer value of each ballot group (raw fixed point, per ballot).</summary>
    public long[] Value { get; }
    public int[] Pile { get; }
    public List<int>[] Piles { get; }
    public bool[] Continuing { get; }
    public long[] InactiveVotes { get; } = new long[3];

    public static string InactiveName(int pile) => pile switch
    {
        OvervotePile => InactiveReason.Overvote,
        AbstentionPile => InactiveReason.Abstention,
        _ => InactiveReason.ExhaustedChoices,
    };

    public long VotesOf(int ballot) => checked(Value[ballot] * Ballots.Weights[ballot]);

    public long PileVotes(int candidate)
    {
        long sum = 0;
        foreach (var b in Piles[candidate]) sum = checked(sum + VotesOf(b));
        return sum;
    }

    /// <summary>Puts each ballot on the pile of its highest-ranked continuing candidate (or an inactive pile).</summary>
    public void Place(IEnumerable<int> ballots, Dictionary<string, decimal>? movedTo = null, Func<int, string>? name = null)
    {
        foreach (var b in ballots)
        {
            var pile = NextPile(b);
            Pile[b] = pile;
            if (pile >= 0) Piles[pile].Add(b);
            else InactiveVotes[-pile - 1] = checked(InactiveVotes[-pile - 1] + VotesOf(b));
            if (movedTo is not null && name is not null)
            {
                var key = pile >= 0 ? name(pile) : InactiveName(pile);
                movedTo[key] = movedTo.GetValueOrDefault(key) + Fp.ToDecimal(VotesOf(b));
            }
        }
    }

    private int NextPile(int b)
    {
        var tokens = Ballots.Tokens;
        for (var i = _position[b]; i < Ballots.Starts[b + 1]; i++)
        {
            var token = tokens[i];
            if (token >= 0)
            {
                if (!Continuing[token]) continue;
                _position[b] = i;
                return token;
            }
            _position[b] = i;
            // an overvote, or a skipped rank where the rule stops there: the ballot goes no further
            return token == CompiledBallots.Overvote ? OvervotePile : ExhaustedPile;
        }
        _position[b] = Ballots.Starts[b + 1];
        return Ballots.DistinctRanked[b] < _maxWellRanked ? AbstentionPile : ExhaustedPile;
    }
}
