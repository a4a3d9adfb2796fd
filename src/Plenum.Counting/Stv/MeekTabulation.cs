using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Stv;

/// <summary>One Meek count in progress; see <see cref="MeekCount"/> for the rule.</summary>
internal sealed class MeekTabulation
{
    private readonly RankedElection _election;
    private readonly MeekRules _rules;
    private readonly FixedPoint _fp;
    private readonly int _n;
    private readonly CandidateState[] _state;
    private readonly bool[] _protected;
    private readonly bool[] _active;
    private readonly long[] _keep;
    private readonly long _omega;
    private readonly MeekDistribution _distribution;
    private readonly MeekTally _tally;
    private readonly TieBreakOrder _ties;
    private readonly List<int> _winners = [];
    private readonly List<CountRound> _rounds = [];
    private readonly List<TieBreak> _tieBreaks = [];
    private readonly List<int> _iterations = [];
    private readonly List<decimal> _protectedQuotas = [];
    private readonly List<decimal> _quotaVotes = [];
    private long _quota;
    private long _protectedQuota;
    private long _totalSurplus;
    private long _lastQuotaVotes;
    private int _round;

    public MeekTabulation(RankedElection election, MeekRules rules)
    {
        if (election.Seats < 1)
            throw new CountingException($"the number of seats must be at least 1, not {election.Seats}");
        _election = election;
        _rules = rules;
        _fp = new FixedPoint(rules.Decimals);
        _n = election.Candidates.Count;
        _state = new CandidateState[_n];
        _protected = new bool[_n];
        _active = new bool[_n];
        _keep = new long[_n];
        Array.Fill(_keep, _fp.One);
        _omega = (long)(rules.Omega * _fp.One);
        foreach (var w in election.WithdrawnCandidates)
            _state[CheckCandidate(w)] = CandidateState.Withdrawn;
        foreach (var p in rules.Protected ?? new HashSet<int>())
        {
            if (_state[CheckCandidate(p)] == CandidateState.Withdrawn)
                throw new CountingException($"candidate {election.Candidates[p]} is both withdrawn and protected");
            _protected[p] = true;
        }
        if (_protected.Count(p => p) > election.Seats)
            throw new CountingException("more candidates are protected than there are seats");
        _ties = new TieBreakOrder(_n, rules.TieBreakOrder);
        var maxWellRanked = Math.Min(_n, rules.MaxRankingLevels ?? _n);
        _distribution = new MeekDistribution(CompiledBallots.Compile(election, MultiMarkReading.EqualRanking), _fp, maxWellRanked);
        _tally = new MeekTally(_n);
    }

    public CountResult Run()
    {
        while (true)
        {
            if (_round > 0 || !_rules.AlwaysCountFirstRound)
            {
                if (TryFinish()) break;
            }
            _round++;
            if (_round > _n + 2)
                throw new CountingException("the Meek count needed more rounds than there are candidates");
            RunRound();
        }
        return BuildResult();
    }

    private int CheckCandidate(int c) =>
        c >= 0 && c < _n ? c : throw new CountingException($"candidate {c + 1} does not exist; there are {_n} candidates");

    private IEnumerable<int> WithState(CandidateState state) => Enumerable.Range(0, _n).Where(c => _state[c] == state);

    /// <summary>Reference rule B.1 and C: stop when the seats are filled or the hopefuls just fill them.</summary>
    private bool TryFinish()
    {
        var elected = WithState(CandidateState.Elected).Count();
        var electedOrProtected = Enumerable.Range(0, _n).Count(c => _state[c] == CandidateState.Elected || _protected[c]);
        var hopeful = WithState(CandidateState.Hopeful).ToList();
        if (electedOrProtected != _election.Seats && hopeful.Count + elected > _election.Seats)
            return false;
        var newlyElected = new List<int>();
        var newlyDefeated = new List<int>();
        if (electedOrProtected < _election.Seats)
            newlyElected.AddRange(hopeful.OrderByDescending(LastVotes).ThenBy(c => c));
        else
        {
            newlyElected.AddRange(hopeful.Where(c => _protected[c]));
            newlyDefeated.AddRange(hopeful.Where(c => !_protected[c]));
        }
        foreach (var c in newlyElected) Elect(c);
        foreach (var c in newlyDefeated) _state[c] = CandidateState.Defeated;
        AmendLastRound(newlyElected, newlyDefeated);
        return true;
    }

    private long LastVotes(int c) => _rounds.Count == 0 ? 0 : _tally.Votes[c];

    private void Elect(int c)
    {
        _state[c] = CandidateState.Elected;
        _winners.Add(c);
    }

    private void RunRound()
    {
        long? previousSurplus = null;
        var iterations = 0;
        var newlyElected = new List<int>();
        var defeats = new List<int>();
        long[] keepUsed;
        while (true)
        {
            iterations++;
            for (var c = 0; c < _n; c++) _active[c] = _state[c] is CandidateState.Hopeful or CandidateState.Elected;
            keepUsed = (long[])_keep.Clone();
            _distribution.Distribute(_keep, _active, _tally);
            SetQuota();

            newlyElected = WithState(CandidateState.Hopeful)
                .Where(c => _tally.Votes[c] >= QuotaOf(c))
                .OrderByDescending(c => _tally.Votes[c]).ThenBy(c => c).ToList();
            foreach (var c in newlyElected) Elect(c);
            _totalSurplus = WithState(CandidateState.Elected).Sum(c => _tally.Votes[c] - QuotaOf(c));

            if (newlyElected.Count > 0) break;
            if (BatchAllowed(BatchDefeats.IfNoNewElected) && (defeats = BatchDefeatSet()).Count > 0) break;
            if (_totalSurplus < _omega) break;
            if (previousSurplus is { } previous && _totalSurplus >= previous) break;
            if (BatchAllowed(BatchDefeats.PerReferenceRule) && (defeats = BatchDefeatSet()).Count > 0) break;
            UpdateKeepFactors();
            previousSurplus = _totalSurplus;
        }

        _iterations.Add(iterations);
        if (_protected.Any(p => p))
        {
            _protectedQuotas.Add(_fp.ToDecimal(_protectedQuota));
            _quotaVotes.Add(_fp.ToDecimal(_lastQuotaVotes));
        }
        var tallies = Enumerable.Range(0, _n).Where(c => _active[c]).ToList();
        // A first round counted only to report totals (AlwaysCountFirstRound) must not defeat anyone when the
        // hopefuls already just fill the seats: the count then ends electing them all.
        var hopefulsFillSeats = WithState(CandidateState.Hopeful).Count() + WithState(CandidateState.Elected).Count() <= _election.Seats;
        if (newlyElected.Count == 0 && !hopefulsFillSeats)
        {
            if (defeats.Count == 0 && BatchAllowed(BatchDefeats.BeforeSingleDefeat))
                defeats = BatchDefeatSet();
            if (defeats.Count == 0 && WithState(CandidateState.Hopeful).Any(c => !_protected[c]))
                defeats = [SingleDefeat()];
            foreach (var c in defeats)
            {
                _state[c] = CandidateState.Defeated;
                _keep[c] = 0;
            }
        }
        _rounds.Add(DescribeRound(tallies, keepUsed, newlyElected, defeats));
    }

    private void SetQuota()
    {
        var votes = Enumerable.Range(0, _n).Where(c => _active[c]).Sum(c => _tally.Votes[c]);
        _quota = QuotaFor(votes, _election.Seats);
        if (!_protected.Any(p => p)) return;
        _protectedQuota = _quota;
        var protectedVotes = Enumerable.Range(0, _n).Where(c => _protected[c]).Sum(c => Math.Min(_tally.Votes[c], _protectedQuota));
        var quotaVotes = votes - protectedVotes;
        _quota = QuotaFor(quotaVotes, _election.Seats - _protected.Count(p => p));
        _lastQuotaVotes = quotaVotes;
    }

    /// <summary>Truncated share of the votes, plus the smallest unit, so that no more than the seats can reach it.</summary>
    private long QuotaFor(long votes, int seats) =>
        (_rules.Quota == QuotaKind.Droop ? votes / (seats + 1) : votes / Math.Max(seats, 1)) + 1;

    private long QuotaOf(int c) => _protected[c] ? _protectedQuota : _quota;

    private void UpdateKeepFactors()
    {
        foreach (var c in WithState(CandidateState.Elected))
            _keep[c] = _fp.DivUp(_fp.MulUp(_keep[c], QuotaOf(c)), _tally.Votes[c]);
    }

    private bool BatchAllowed(BatchDefeats timing)
    {
        if (_rules.BatchDefeats != timing) return false;
        if (_rules.BatchDefeatRounds is not { } rounds) return true;
        if (_round > rounds.Count)
            throw new CountingException($"batch defeats are specified for {rounds.Count} rounds, but round {_round} was reached");
        return rounds[_round - 1];
    }

    private List<int> Defeatable() => WithState(CandidateState.Hopeful).Where(c => !_protected[c]).ToList();

    /// <summary>
    /// Reference rule B.3 (batch defeat): the largest set of lowest candidates whose votes together, plus the
    /// total surplus, are below the next candidate's, provided enough candidates remain to fill the seats.
    /// </summary>
    private List<int> BatchDefeatSet()
    {
        var defeatable = Defeatable();
        var byVotes = defeatable.OrderByDescending(c => _tally.Votes[c]).ThenBy(c => c).ToList();
        var lower = defeatable.Sum(c => _tally.Votes[c]);
        var elected = WithState(CandidateState.Elected).Count();
        for (var i = 0; i < byVotes.Count; i++)
        {
            var votes = _tally.Votes[byVotes[i]];
            lower -= votes;
            if (i + 1 + elected >= _election.Seats && lower + _totalSurplus < votes)
                return byVotes.Skip(i + 1).ToList();
        }
        return [];
    }

    /// <summary>Reference rule B.3: the lowest hopeful; those within the total surplus of it are tied.</summary>
    private int SingleDefeat()
    {
        var defeatable = Defeatable();
        var lowest = defeatable.Min(c => _tally.Votes[c]);
        var tied = defeatable.Where(c => _tally.Votes[c] <= lowest + Math.Max(_totalSurplus, 0)).ToList();
        var loser = _ties.Loser(tied);
        if (tied.Count > 1)
            _tieBreaks.Add(new TieBreak(_round, tied.Select(Name).ToList(), Name(loser), TieBreakOrder.Rule));
        return loser;
    }

    private string Name(int c) => _election.Candidates[c];

    private CountRound DescribeRound(List<int> tallied, long[] keepUsed, List<int> elected, List<int> defeated) => new()
    {
        Number = _round,
        Tallies = tallied.ToDictionary(Name, c => _fp.ToDecimal(_tally.Votes[c])),
        Quota = _fp.ToDecimal(_quota),
        Elected = elected.Select(Name).ToList(),
        Eliminated = defeated.Select(Name).ToList(),
        Inactive = new Dictionary<string, decimal>
        {
            [InactiveReason.Overvote] = _fp.ToDecimal(_tally.Overvotes),
            [InactiveReason.Abstention] = _fp.ToDecimal(_tally.Abstentions),
            [InactiveReason.ExhaustedChoices] = _fp.ToDecimal(_tally.OtherExhausted),
        },
        Surplus = _fp.ToDecimal(_totalSurplus),
        KeepFactors = tallied.ToDictionary(Name, c => _fp.ToDecimal(keepUsed[c])),
        Note = $"{_iterations[^1]} iteration(s)",
    };

    /// <summary>Candidates elected or defeated when the count closes belong to the last round counted.</summary>
    private void AmendLastRound(List<int> elected, List<int> defeated)
    {
        if (_rounds.Count == 0 || (elected.Count == 0 && defeated.Count == 0)) return;
        var last = _rounds[^1];
        _rounds[^1] = last with
        {
            Elected = [.. last.Elected, .. elected.Select(Name)],
            Eliminated = [.. last.Eliminated, .. defeated.Select(Name)],
        };
    }

    private CountResult BuildResult()
    {
        var details = new Dictionary<string, object>
        {
            ["iterations"] = _iterations.ToArray(),
            ["decimals"] = _rules.Decimals,
            ["omega"] = _rules.Omega,
            ["quota"] = _rules.Quota.ToString(),
            ["batchDefeats"] = _rules.BatchDefeats.ToString(),
        };
        if (_protectedQuotas.Count > 0)
        {
            details["protectedQuota"] = _protectedQuotas.ToArray();
            details["quotaVotes"] = _quotaVotes.ToArray();
        }
        var notes = new List<string>();
        if (_rounds.Count == 0 && _winners.Count > 0)
            notes.Add("every hopeful candidate could be elected without counting votes");
        return new CountResult
        {
            Method = MeekCount.MethodName,
            Seats = _election.Seats,
            Candidates = _election.Candidates,
            Winners = _winners.Select(Name).ToList(),
            Rounds = _rounds,
            Ties = _tieBreaks,
            Details = details,
            Notes = notes,
        };
    }
}
