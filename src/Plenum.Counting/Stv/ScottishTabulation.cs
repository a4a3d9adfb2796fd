using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Stv;

/// <summary>One Scottish STV count in progress; see <see cref="ScottishStvCount"/> for the rules.</summary>
internal sealed class ScottishTabulation(RankedElection election, StvBallotState piles, TieBreakOrder ties)
{
    private readonly int _n = election.Candidates.Count;
    private readonly FixedPoint _fp = piles.Fp;
    private readonly CandidateState[] _state = new CandidateState[election.Candidates.Count];
    private readonly bool[] _surplusDone = new bool[election.Candidates.Count];
    private readonly List<int> _winners = [];
    private readonly List<CountRound> _rounds = [];
    private readonly List<Dictionary<int, long>> _history = [];
    private readonly List<TieBreak> _tieBreaks = [];
    private long _quota;
    private long _residual;

    public CountResult Run()
    {
        for (var c = 0; c < _n; c++) _state[c] = piles.Continuing[c] ? CandidateState.Hopeful : CandidateState.Withdrawn;
        piles.Place(Enumerable.Range(0, piles.Ballots.Count));
        var rejected = piles.InactiveVotes.Sum();
        Array.Clear(piles.InactiveVotes);
        var valid = Enumerable.Range(0, _n).Sum(piles.PileVotes);
        _quota = _fp.FromInteger(valid / _fp.One / (election.Seats + 1) + 1);

        var stage = 1;
        var elected = ElectReachingQuota();
        Record(stage, elected, [], []);
        while (_winners.Count < election.Seats)
        {
            if (stage > 4 * _n + 4) throw new CountingException("the count did not finish");
            var continuing = Continuing();
            if (continuing.Count + _winners.Count <= election.Seats)
            {
                Elect(continuing.OrderByDescending(Votes).ThenBy(c => c).ToList());
                AmendLast(continuing, []);
                break;
            }
            stage++;
            var transfers = new List<Transfer>();
            var excluded = new List<int>();
            var withSurplus = Enumerable.Range(0, _n).Where(c => _state[c] == CandidateState.Elected && !_surplusDone[c] && Votes(c) > _quota).ToList();
            if (withSurplus.Count > 0)
                transfers.Add(TransferSurplus(Pick(withSurplus, largest: true, stage)));
            else
            {
                var lowest = Pick(continuing, largest: false, stage);
                _state[lowest] = CandidateState.Defeated;
                piles.Continuing[lowest] = false;
                excluded.Add(lowest);
                var moved = new Dictionary<string, decimal>();
                piles.Place(Take(lowest), moved, Name);
                transfers.Add(new Transfer(Name(lowest), moved));
            }
            Record(stage, ElectReachingQuota(), excluded, transfers);
        }
        foreach (var c in Continuing()) _state[c] = CandidateState.Defeated;
        AmendLast([], Enumerable.Range(0, _n).Where(c => _state[c] == CandidateState.Defeated && !_rounds.Any(r => r.Eliminated.Contains(Name(c)))).ToList());

        return new CountResult
        {
            Method = ScottishStvCount.MethodName,
            Seats = election.Seats,
            Candidates = election.Candidates,
            Winners = _winners.Select(Name).ToList(),
            Rounds = _rounds,
            Ties = _tieBreaks,
            Details = new Dictionary<string, object>
            {
                ["quota"] = _fp.ToDecimal(_quota),
                ["rejected"] = _fp.ToDecimal(rejected),
            },
        };
    }

    private string Name(int c) => election.Candidates[c];

    private List<int> Continuing() => Enumerable.Range(0, _n).Where(c => _state[c] == CandidateState.Hopeful).ToList();

    private long Votes(int c) => _surplusDone[c] ? _quota : piles.PileVotes(c);

    private List<int> ElectReachingQuota()
    {
        var reached = Continuing().Where(c => Votes(c) >= _quota).OrderByDescending(Votes).ThenBy(c => c).ToList();
        Elect(reached);
        return reached;
    }

    private void Elect(List<int> candidates)
    {
        foreach (var c in candidates)
        {
            _state[c] = CandidateState.Elected;
            piles.Continuing[c] = false;
            _winners.Add(c);
        }
    }

    /// <summary>Largest (or smallest) by current votes; ties go back stage by stage, then to the tie-break order.</summary>
    private int Pick(List<int> candidates, bool largest, int stage)
    {
        var best = largest ? candidates.Max(Votes) : candidates.Min(Votes);
        var tied = candidates.Where(c => Votes(c) == best).ToList();
        if (tied.Count == 1) return tied[0];
        for (var s = _history.Count - 1; s >= 0 && tied.Count > 1; s--)
        {
            var at = _history[s];
            var value = largest ? tied.Max(c => at.GetValueOrDefault(c)) : tied.Min(c => at.GetValueOrDefault(c));
            tied = tied.Where(c => at.GetValueOrDefault(c) == value).ToList();
        }
        // The Order leaves a tie that no earlier stage settles to lot; the tie-break order stands in
        // for the lot, and its first-listed candidate is the one drawn: excluded, or surplus taken first.
        var chosen = tied.Count == 1 ? tied[0] : ties.Loser(tied);
        _tieBreaks.Add(new TieBreak(stage, candidates.Where(c => Votes(c) == best).Select(Name).ToList(), Name(chosen),
            tied.Count == 1 ? "votes at the most recent stage where they differed"
            : largest ? "tie-break order (the candidate listed first has their surplus transferred first)" : TieBreakOrder.Rule));
        return chosen;
    }

    private Transfer TransferSurplus(int c)
    {
        var total = piles.PileVotes(c);
        var surplus = total - _quota;
        var ballots = Take(c);
        long transferred = 0;
        foreach (var b in ballots)
        {
            piles.Value[b] = (long)((Int128)surplus * piles.Value[b] / total);
            transferred += piles.VotesOf(b);
        }
        var moved = new Dictionary<string, decimal>();
        piles.Place(ballots, moved, Name);
        _surplusDone[c] = true;
        _residual += surplus - transferred;
        return new Transfer(Name(c), moved);
    }

    private List<int> Take(int c)
    {
        var ballots = piles.Piles[c].ToList();
        piles.Piles[c].Clear();
        return ballots;
    }

    private void Record(int stage, List<int> elected, List<int> excluded, List<Transfer> transfers)
    {
        var tallies = Enumerable.Range(0, _n).Where(c => _state[c] is CandidateState.Hopeful or CandidateState.Elected)
            .ToDictionary(c => c, Votes);
        _history.Add(tallies);
        _rounds.Add(new CountRound
        {
            Number = stage,
            Tallies = tallies.ToDictionary(p => Name(p.Key), p => _fp.ToDecimal(p.Value)),
            Quota = _fp.ToDecimal(_quota),
            Elected = elected.Select(Name).ToList(),
            Eliminated = excluded.Select(Name).ToList(),
            Transfers = transfers,
            Inactive = new Dictionary<string, decimal>
            {
                [InactiveReason.ExhaustedChoices] = _fp.ToDecimal(piles.InactiveVotes.Sum()),
                [InactiveReason.ResidualSurplus] = _fp.ToDecimal(_residual),
            },
        });
    }

    private void AmendLast(List<int> elected, List<int> defeated)
    {
        if (elected.Count == 0 && defeated.Count == 0) return;
        var last = _rounds[^1];
        _rounds[^1] = last with
        {
            Elected = [.. last.Elected, .. elected.Select(Name)],
            Eliminated = [.. last.Eliminated, .. defeated.Select(Name)],
        };
    }
}
