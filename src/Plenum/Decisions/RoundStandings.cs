using Plenum.Counting.Results;

namespace Plenum.Decisions;

/// <summary>
/// Where each candidate of an IRV or STV count stands, round by round: the round it was elected or
/// eliminated in, its change of votes, and the order to list candidates in (winners in the order
/// elected, then those who stayed in the count longest). Shared by the flow chart and the count table.
/// </summary>
public sealed class RoundStandings
{
    readonly Dictionary<string, int> _electedIn = [], _eliminatedIn = [];

    public RoundStandings(CountResult result)
    {
        Result = result;
        Rounds = result.Rounds;
        for (var i = 0; i < Rounds.Count; i++)
        {
            foreach (var name in Rounds[i].Elected) _electedIn.TryAdd(name, i);
            foreach (var name in Rounds[i].Eliminated) _eliminatedIn.TryAdd(name, i);
        }
        Order = [.. result.Winners,
            .. result.Candidates.Where(c => !result.Winners.Contains(c) && Rounds.Any(r => r.Tallies.ContainsKey(c)))
                .OrderByDescending(LastRoundIn).ThenByDescending(c => Rounds[LastRoundIn(c)].Tallies[c])];
    }

    public CountResult Result { get; }
    public IReadOnlyList<CountRound> Rounds { get; }
    /// <summary>Every candidate who had votes in some round, in the order to list them.</summary>
    public IReadOnlyList<string> Order { get; }

    public bool IsElectedIn(int round, string candidate) => _electedIn.TryGetValue(candidate, out var r) && r == round;
    public bool IsElectedBy(int round, string candidate) => _electedIn.TryGetValue(candidate, out var r) && r <= round;
    public bool IsEliminatedIn(int round, string candidate) => _eliminatedIn.TryGetValue(candidate, out var r) && r == round;

    public decimal? Votes(int round, string candidate) => Rounds[round].Tallies.TryGetValue(candidate, out var votes) ? votes : null;

    /// <summary>The change since the previous round; null in round 1 or when the candidate is in only one of the two.</summary>
    public decimal? Change(int round, string candidate) =>
        round > 0 && Votes(round, candidate) is { } now && Votes(round - 1, candidate) is { } before ? now - before : null;

    /// <summary>Ballot value with no candidate any more (exhausted, overvoted, lost to rounding …) at the end of a round.</summary>
    public decimal Inactive(int round) => Rounds[round].Inactive.Values.Sum();

    /// <summary>How many were elected up to and including a round.</summary>
    public int ElectedBy(int round) => _electedIn.Values.Count(r => r <= round);

    int LastRoundIn(string candidate)
    {
        for (var i = Rounds.Count - 1; i >= 0; i--)
            if (Rounds[i].Tallies.ContainsKey(candidate)) return i;
        return -1;
    }
}
