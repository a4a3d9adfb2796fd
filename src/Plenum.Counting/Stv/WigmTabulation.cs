using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Stv;

/// <summary>One WIGM count in progress; see <see cref="WigmCount"/> for the rule.</summary>
internal sealed class WigmTabulation(RankedElection election, WigmRules rules, StvBallotState piles)
{
    private readonly int _n = election.Candidates.Count;
    private readonly FixedPoint _fp = piles.Fp;
    private readonly CandidateState[] _state = new CandidateState[election.Candidates.Count];
    private readonly TieBreakOrder _ties = new(election.Candidates.Count, rules.TieBreakOrder);
    private readonly List<int> _winners = [];
    private readonly List<CountRound> _rounds = [];
    private readonly List<TieBreak> _tieBreaks = [];
    private long _threshold;
    private long _residual;

    public CountResult Run()
    {
        for (var c = 0; c < _n; c++)
            _state[c] = piles.Continuing[c] ? CandidateState.Hopeful : CandidateState.Withdrawn;
        piles.Place(Enumerable.Range(0, piles.Ballots.Count));
        var forCandidates = Enumerable.Range(0, _n).Sum(piles.PileVotes);
        var divisor = rules.Quota == QuotaKind.Droop ? election.Seats + 1 : election.Seats;
        _threshold = _fp.DivUp(forCandidates, _fp.FromInteger(divisor));

        for (var round = 1; ; round++)
        {
            if (round > 2 * _n + 2) throw new CountingException("the count did not finish");
            if (!RunRound(round)) break;
        }
        return new CountResult
        {
            Method = WigmCount.MethodName,
            Seats = election.Seats,
            Candidates = election.Candidates,
            Winners = _winners.Select(Name).ToList(),
            Rounds = _rounds,
            Ties = _tieBreaks,
            Details = new Dictionary<string, object>
            {
                ["decimals"] = rules.Decimals,
                ["quota"] = rules.Quota.ToString(),
                ["threshold"] = _fp.ToDecimal(_threshold),
            },
        };
    }

    private string Name(int c) => election.Candidates[c];

    private IEnumerable<int> WithState(CandidateState s) => Enumerable.Range(0, _n).Where(c => _state[c] == s);

    /// <summary>One round; false when the count is complete.</summary>
    private bool RunRound(int round)
    {
        var tallies = new Dictionary<int, long>();
        foreach (var c in Enumerable.Range(0, _n).Where(c => _state[c] is CandidateState.Hopeful or CandidateState.Elected))
        {
            var votes = piles.PileVotes(c);
            // an elected candidate's surplus has left; it keeps exactly the threshold
            tallies[c] = _state[c] == CandidateState.Elected && votes == 0 ? _threshold : votes;
        }
        var elected = new List<int>();
        var defeated = new List<int>();
        var transfers = new List<Transfer>();
        long surplusTotal = 0;
        var inactiveAtTally = (long[])piles.InactiveVotes.Clone();
        var more = Decide();
        _rounds.Add(new CountRound
        {
            Number = round,
            Tallies = tallies.ToDictionary(p => Name(p.Key), p => _fp.ToDecimal(p.Value)),
            Quota = _fp.ToDecimal(_threshold),
            Elected = elected.Select(Name).ToList(),
            Eliminated = defeated.Select(Name).ToList(),
            Transfers = transfers,
            Surplus = surplusTotal == 0 ? null : _fp.ToDecimal(surplusTotal),
            Inactive = new Dictionary<string, decimal>
            {
                [InactiveReason.Overvote] = _fp.ToDecimal(inactiveAtTally[0]),
                [InactiveReason.Abstention] = _fp.ToDecimal(inactiveAtTally[1]),
                [InactiveReason.ExhaustedChoices] = _fp.ToDecimal(inactiveAtTally[2]),
                [InactiveReason.ResidualSurplus] = _fp.ToDecimal(_residualAtTally),
            },
        });
        return more;

        bool Decide()
        {
            _residualAtTally = _residual;
            var continuing = WithState(CandidateState.Hopeful).ToList();
            if (round == 1 && continuing.Count <= election.Seats)
            {
                ElectAll(continuing);
                return false;
            }
            var withSurplus = tallies.Where(p => p.Value > _threshold).Select(p => p.Key).ToList();
            ElectAll(withSurplus.Where(c => _state[c] == CandidateState.Hopeful).ToList());
            if (_winners.Count == election.Seats)
            {
                DefeatAll(WithState(CandidateState.Hopeful).ToList());
                return false;
            }
            foreach (var c in withSurplus)
                TransferSurplus(c, tallies[c]);
            if (withSurplus.Count == 0)
                Defeat(LowestContinuing());
            var remaining = WithState(CandidateState.Hopeful).ToList();
            if (remaining.Count + _winners.Count == election.Seats)
            {
                ElectAll(remaining);
                return false;
            }
            foreach (var c in defeated)
            {
                var moved = new Dictionary<string, decimal>();
                piles.Place(TakePile(c), moved, Name);
                transfers.Add(new Transfer(Name(c), moved));
            }
            return true;
        }

        void ElectAll(List<int> candidates)
        {
            foreach (var c in candidates.OrderByDescending(c => tallies.GetValueOrDefault(c)).ThenBy(c => c))
            {
                _state[c] = CandidateState.Elected;
                piles.Continuing[c] = false;
                _winners.Add(c);
                elected.Add(c);
            }
        }

        void DefeatAll(List<int> candidates) => candidates.ForEach(Defeat);

        void Defeat(int c)
        {
            _state[c] = CandidateState.Defeated;
            piles.Continuing[c] = false;
            defeated.Add(c);
        }

        int LowestContinuing()
        {
            var continuing = WithState(CandidateState.Hopeful).ToList();
            var lowest = continuing.Min(c => tallies[c]);
            var tied = continuing.Where(c => tallies[c] == lowest).ToList();
            var loser = _ties.Loser(tied);
            if (tied.Count > 1)
                _tieBreaks.Add(new TieBreak(round, tied.Select(Name).ToList(), Name(loser), TieBreakOrder.Rule));
            return loser;
        }

        void TransferSurplus(int c, long votes)
        {
            var surplus = votes - _threshold;
            var factor = _fp.DivDown(surplus, votes);
            var ballots = TakePile(c);
            long transferred = 0;
            foreach (var b in ballots)
            {
                piles.Value[b] = _fp.MulDown(piles.Value[b], factor);
                transferred += piles.VotesOf(b);
            }
            var moved = new Dictionary<string, decimal>();
            piles.Place(ballots, moved, Name);
            transfers.Add(new Transfer(Name(c), moved));
            _residual += surplus - transferred;
            surplusTotal += surplus;
        }
    }

    private long _residualAtTally;

    private List<int> TakePile(int c)
    {
        var ballots = piles.Piles[c].ToList();
        piles.Piles[c].Clear();
        return ballots;
    }
}
