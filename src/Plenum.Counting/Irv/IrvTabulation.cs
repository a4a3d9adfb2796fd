using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Irv;

/// <summary>
/// One instant-runoff count. Each round: tally every parcel of ballots (moving those whose
/// candidate is no longer continuing), set the threshold, then either elect or eliminate.
/// Round structure, ordering of elimination steps and stopping conditions follow RCTab, so that
/// its published reports can be reproduced round by round.
/// </summary>
internal sealed class IrvTabulation
{
    private enum Status { Continuing, Excluded, Eliminated, Elected }

    private readonly RankedElection election;
    private readonly IrvRules rules;
    private readonly IReadOnlyList<string> names;
    private readonly int seats;
    private readonly bool usesSurpluses;
    private readonly Status[] status;
    private readonly int[] decidedInRound;
    private readonly decimal[] keptByWinner;
    private readonly decimal[] winnerTally;
    private readonly List<int> winners = [];
    private readonly List<RoundRecord> rounds = [];
    private readonly List<decimal[]> tallies = [];
    private readonly TieBreaker tieBreaker;
    private List<Parcel> parcels = [];
    private long blankBallots;
    private decimal threshold;
    private decimal residualSurplus;
    private int eliminatedCount;
    private int round;

    public IrvTabulation(RankedElection election, IrvRules rules)
    {
        this.election = election;
        this.rules = rules;
        names = election.Candidates;
        seats = election.Seats;
        usesSurpluses = seats > 1;
        status = new Status[names.Count];
        decidedInRound = new int[names.Count];
        keptByWinner = new decimal[names.Count];
        winnerTally = new decimal[names.Count];
        tieBreaker = new TieBreaker(rules, names);
    }

    public CountResult Run()
    {
        Validate();
        foreach (var excluded in election.WithdrawnCandidates) status[excluded] = Status.Excluded;
        (parcels, blankBallots) = Parcels.Group(election.Ballots);
        ValidateMarks();

        var notes = new List<string>();
        while (ShouldContinue(notes))
        {
            round++;
            PlayRound();
        }
        if (blankBallots > 0)
            notes.Add($"{blankBallots} ballot(s) ranked no candidate and were not counted in any round.");

        return new CountResult
        {
            Method = "irv",
            Seats = seats,
            Candidates = names,
            Winners = winners.Select(w => names[w]).ToList(),
            Rounds = rounds.Select(r => r.ToCountRound(names)).ToList(),
            Ties = tieBreaker.Record,
            Details = new Dictionary<string, object>
            {
                ["rules"] = rules,
                ["threshold"] = threshold,
                ["blank ballots"] = blankBallots,
            },
            Notes = notes,
        };
    }

    private void Validate()
    {
        if (seats < 1) throw new CountingException($"seats must be at least 1, not {seats}");
        if (rules.DecimalPlaces is < 0 or > 20) throw new CountingException($"decimal places must be 0 to 20, not {rules.DecimalPlaces}");
        if (rules.MaxSkippedRanks is < 0) throw new CountingException("the skipped-rank limit cannot be negative");
        // RCTab refuses both with several seats. Winners stay continuing under continue-until-two, so they would keep
        // their surplus and could be elected again; a batch can eliminate more candidates than the open seats leave.
        if (seats > 1 && rules.ContinueUntilTwoCandidatesRemain)
            throw new CountingException("continuing until two candidates remain is for single-winner counts only, not for several seats");
        if (seats > 1 && rules.BatchElimination)
            throw new CountingException("batch elimination is for single-winner counts only, not for several seats");
        foreach (var c in election.WithdrawnCandidates.Concat(rules.TieBreakOrder ?? []).Concat(rules.UndeclaredWriteIn is { } u ? [u] : []))
            if (c < 0 || c >= names.Count) throw new CountingException($"candidate index {c} is not a candidate");
    }

    /// <summary>Marks are checked once per distinct ballot, after grouping, to keep large counts fast.</summary>
    private void ValidateMarks()
    {
        foreach (var parcel in parcels)
            foreach (var rank in parcel.Ranks)
                foreach (var mark in rank)
                    if (mark != RankedBallot.OvervoteMark && (mark < 0 || mark >= names.Count))
                        throw new CountingException(
                            $"a ballot ({parcel.Count} identical) ranks candidate index {mark}, which is not a candidate");
    }

    private bool IsContinuing(int c) =>
        status[c] == Status.Continuing || (status[c] == Status.Elected && rules.ContinueUntilTwoCandidatesRemain);

    private bool IsWriteIn(int c) => c == rules.UndeclaredWriteIn;

    /// <summary>Candidates taking part: not excluded (the undeclared write-in stand-in included).</summary>
    private int CandidatesInCount => status.Count(s => s != Status.Excluded);

    private bool ShouldContinue(List<string> notes)
    {
        if (round >= (rules.StopAfterRound ?? int.MaxValue)) return false;
        var declared = Enumerable.Range(0, names.Count).Count(c => status[c] != Status.Excluded && !IsWriteIn(c));
        // More seats than candidates: everyone was elected, and no surplus needs showing.
        if (winners.Count == declared && seats > CandidatesInCount) return false;
        if (rules.ContinueUntilTwoCandidatesRemain)
            return eliminatedCount + winners.Count + 1 < CandidatesInCount || DecidedThisRound(Status.Eliminated);
        if (winners.Count < seats)
        {
            if (Enumerable.Range(0, names.Count).Any(IsContinuing)) return true;
            notes.Add($"No continuing candidates are left; {seats - winners.Count} seat(s) stay unfilled.");
            return false;
        }
        // Multi-winner: one more round shows where the last winners' surpluses went.
        return usesSurpluses && DecidedThisRound(Status.Elected);
    }

    private bool DecidedThisRound(Status outcome) =>
        round > 0 && Enumerable.Range(0, names.Count).Any(c => status[c] == outcome && decidedInRound[c] == round);

    private void PlayRound()
    {
        var record = new RoundRecord(round);
        var previous = rounds.Count > 0 ? rounds[^1] : null;
        var active = Enumerable.Range(0, names.Count).Where(IsContinuing).ToList();
        var tally = CountParcels(record, previous);

        var activeVotes = active.Sum(c => tally[c]);
        if (round == 1 || (!usesSurpluses && !rules.FirstRoundDeterminesThreshold))
            threshold = Threshold.Compute(activeVotes, seats, rules);
        if (usesSurpluses) SettleWinnerTallies(tally, previous);
        if (residualSurplus > 0) record.Inactive[InactiveReason.ResidualSurplus] = residualSurplus;
        record.Threshold = threshold;
        foreach (var c in active.Concat(winners).Distinct().Order()) record.Tallies[names[c]] = tally[c];
        tallies.Add(tally);

        var elected = ChooseWinners(active, tally);
        if (elected.Count > 0)
        {
            foreach (var w in elected) Elect(w, tally, record);
        }
        else if (winners.Count < seats
                 || (rules.ContinueUntilTwoCandidatesRemain && eliminatedCount < CandidatesInCount - 2))
        {
            var losers = ChooseLosers(active, tally);
            if (losers.Count == 0) throw new CountingException($"round {round}: no candidate is left to eliminate");
            foreach (var loser in losers.Order())
            {
                status[loser] = Status.Eliminated;
                decidedInRound[loser] = round;
                eliminatedCount++;
                record.Eliminated.Add(names[loser]);
            }
        }
        rounds.Add(record);
    }

    /// <summary>Tallies continuing candidates, moving ballots whose candidate left in the previous round.</summary>
    private decimal[] CountParcels(RoundRecord record, RoundRecord? previous)
    {
        var tally = new decimal[names.Count];
        var seatsAllFilled = usesSurpluses && winners.Count == seats;
        foreach (var parcel in parcels)
        {
            if (parcel.InactiveReason is { } reason)
            {
                Add(record.Inactive, reason, parcel.Total);
                continue;
            }
            if (parcel.Holder >= 0 && IsContinuing(parcel.Holder))
            {
                tally[parcel.Holder] += parcel.Total;
                continue;
            }
            var choice = BallotChoices.Find(parcel.Ranks, rules, IsContinuing, seatsAllFilled);
            if (parcel.Holder >= 0 && parcel.Value > 0)
                previous?.AddTransfer(parcel.Holder, choice.Candidate >= 0 ? names[choice.Candidate] : RoundRecord.Exhausted, parcel.Total);
            parcel.Holder = choice.Candidate;
            if (choice.InactiveReason is { } now)
            {
                parcel.InactiveReason = now;
                Add(record.Inactive, now, parcel.Total);
            }
            else tally[choice.Candidate] += parcel.Total;
        }
        return tally;
    }

    /// <summary>
    /// Past winners keep what their ballots did not pass on; anything above the threshold that
    /// truncation kept back is the residual surplus, which no one gets.
    /// </summary>
    private void SettleWinnerTallies(decimal[] tally, RoundRecord? previous)
    {
        foreach (var w in winners)
        {
            if (decidedInRound[w] == round - 1)
            {
                var kept = keptByWinner[w];
                if (kept > threshold)
                {
                    residualSurplus += kept - threshold;
                    previous?.AddTransfer(w, InactiveReason.ResidualSurplus, kept - threshold);
                    kept = threshold;
                }
                winnerTally[w] = kept;
            }
            tally[w] = winnerTally[w];
        }
    }

    private List<int> ChooseWinners(List<int> active, decimal[] tally)
    {
        // No one can be elected while undeclared write-ins, who must be eliminated first, still hold votes.
        if (rules.UndeclaredWriteIn is { } writeIn && IsContinuing(writeIn) && tally[writeIn] != 0) return [];
        var eligible = active.Where(c => !IsWriteIn(c)).ToList();
        var unfilled = seats - winners.Count;
        List<int> chosen = [];
        if (unfilled > 0)
        {
            if (active.Count <= unfilled) chosen = eligible;
            else if (rules.FirstRoundDeterminesThreshold && active.Count - 1 == seats) chosen = Leaders(eligible, tally);
            else chosen = eligible.Where(c => tally[c] >= threshold).ToList();
        }
        var onlyOneAllowed = chosen.Count > 1 && (rules.OneWinnerPerRound || rules.FirstRoundDeterminesThreshold);
        // Single seat, two candidates left, neither at the threshold: the leader wins rather than leaving one alone.
        var lastTwo = seats == 1 && chosen.Count == 0 && active.Count == 2 && unfilled == 1
                      && active.All(c => tally[c] >= rules.MinimumVoteThreshold);
        if (onlyOneAllowed || lastTwo)
        {
            var leaders = Leaders(eligible, tally);
            chosen = leaders.Count > 1 ? [tieBreaker.Choose(round, leaders, selectingWinner: true, tallies[..^1])] : leaders;
        }
        return chosen.OrderByDescending(c => tally[c]).ThenBy(c => c).ToList();
    }

    private static List<int> Leaders(List<int> candidates, decimal[] tally)
    {
        if (candidates.Count == 0) return [];
        var most = candidates.Max(c => tally[c]);
        return candidates.Where(c => tally[c] == most).ToList();
    }

    private void Elect(int winner, decimal[] tally, RoundRecord record)
    {
        status[winner] = Status.Elected;
        decidedInRound[winner] = round;
        winners.Add(winner);
        record.Elected.Add(names[winner]);
        if (!usesSurpluses) return;
        // Each ballot passes on the surplus fraction of its value, both truncated; the rest stays.
        var surplus = tally[winner] - threshold;
        var fraction = surplus > 0 ? VoteArithmetic.DivideDown(surplus, tally[winner], rules.DecimalPlaces) : 0m;
        foreach (var parcel in parcels)
        {
            if (parcel.Holder != winner || parcel.InactiveReason is not null) continue;
            var passedOn = VoteArithmetic.Truncate(parcel.Value * fraction, rules.DecimalPlaces);
            keptByWinner[winner] += (parcel.Value - passedOn) * parcel.Count;
            parcel.Value = passedOn;
        }
    }

    private List<int> ChooseLosers(List<int> active, decimal[] tally)
    {
        if (active.Count == 0) return [];
        if (rules.UndeclaredWriteIn is { } writeIn && IsContinuing(writeIn) && tally[writeIn] > 0) return [writeIn];
        if (rules.MinimumVoteThreshold > 0)
        {
            var below = active.Where(c => tally[c] < rules.MinimumVoteThreshold).ToList();
            if (below.Count > 0 && below.Count(c => !IsWriteIn(c)) == active.Count(c => !IsWriteIn(c)))
                throw new CountingException($"round {round}: every candidate is below the minimum vote threshold of {rules.MinimumVoteThreshold}");
            if (below.Count > 0) return below;
        }
        if (rules.BatchElimination)
        {
            var batch = BatchElimination.Find(active, tally, b =>
                rules.ContinueUntilTwoCandidatesRemain && b.Count + eliminatedCount == CandidatesInCount - 1);
            if (batch.Count > 0) return batch;
        }
        var fewest = active.Min(c => tally[c]);
        var lowest = active.Where(c => tally[c] == fewest).ToList();
        return lowest.Count == 1 ? lowest : [tieBreaker.Choose(round, lowest, selectingWinner: false, tallies[..^1])];
    }

    private static void Add(Dictionary<string, decimal> totals, string key, decimal value) =>
        totals[key] = totals.GetValueOrDefault(key) + value;
}
