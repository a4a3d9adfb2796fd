using System.Globalization;
using System.Text;
using CsCheck;
using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Tests.Properties;

/// <summary>
/// Random ranked elections for the counting properties: 3–8 candidates, 1–4 seats (never as many as
/// candidates), 1–40 distinct ballot lines with weights 1–5, truncated at any length (blank included).
/// "Messy" ballots also skip ranks, mark two candidates at one rank (an overvote, or an equal ranking for
/// Meek), rank a candidate again later, or carry an unnamed overvote mark.
/// </summary>
public static class RankedGen
{
    public static string[] Names(int n) => Enumerable.Range(0, n).Select(i => ((char)('A' + i)).ToString()).ToArray();

    /// <summary>One candidate per rank, no skips, truncated anywhere (length 0 is a blank ballot).</summary>
    public static Gen<RankedBallot> PlainBallot(int n) =>
        from keys in Gen.Int[0, 1_000_000].Array[n]
        from length in Gen.Int[0, n]
        from weight in Gen.Long[1, 5]
        select new RankedBallot(Order(keys).Take(length).Select(c => new[] { c }).ToArray(), weight);

    /// <summary>
    /// Plain ballots with irregular marks. Kinds per position: 0 a skipped rank before it, 1 shares the
    /// previous rank (two distinct candidates at one rank), 2 a repeat of the previous candidate is inserted
    /// before it, 3 an unnamed overvote mark instead; anything else a plain rank.
    /// </summary>
    public static Gen<RankedBallot> MessyBallot(int n) =>
        from keys in Gen.Int[0, 1_000_000].Array[n]
        from length in Gen.Int[0, n]
        from kinds in Gen.Int[0, 14].Array[n]
        from weight in Gen.Long[1, 5]
        select Messy(Order(keys).Take(length).ToArray(), kinds, weight);

    public static Gen<RankedElection> Election(bool messy = false, int maxSeats = 4, int maxBallots = 40) =>
        from n in Gen.Int[3, 8]
        from seats in Gen.Int[1, Math.Min(maxSeats, n - 1)]
        from ballots in (messy ? MessyBallot(n) : PlainBallot(n)).Array[1, maxBallots]
        select new RankedElection(Names(n), seats, ballots);

    public static Gen<RankedElection> SingleSeat(bool messy = false, int maxBallots = 40) =>
        Election(messy, 1, maxBallots);

    /// <summary>An election and the same ballots in another order.</summary>
    public static Gen<(RankedElection Election, RankedElection Permuted)> WithPermutation(bool messy) =>
        from election in Election(messy)
        from shuffled in Gen.Shuffle(election.Ballots.ToArray())
        select (election, election with { Ballots = shuffled });

    private static int[] Order(int[] keys) => Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();

    private static RankedBallot Messy(int[] order, int[] kinds, long weight)
    {
        var ranks = new List<int[]>();
        for (var i = 0; i < order.Length; i++)
        {
            switch (kinds[i])
            {
                case 0:
                    ranks.Add([]);
                    ranks.Add([order[i]]);
                    break;
                case 1 when ranks.Count > 0 && ranks[^1].Length == 1 && ranks[^1][0] >= 0:
                    ranks[^1] = [ranks[^1][0], order[i]];
                    break;
                case 2 when i > 0:
                    ranks.Add([order[i - 1]]);
                    ranks.Add([order[i]]);
                    break;
                case 3:
                    ranks.Add([RankedBallot.OvervoteMark]);
                    break;
                default:
                    ranks.Add([order[i]]);
                    break;
            }
        }
        return new RankedBallot(ranks, weight);
    }

    /// <summary>The election as .blt-like text for counterexamples: "-" a skipped rank, "a=b" one rank, "?" an unnamed overvote.</summary>
    public static string Print(RankedElection e)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{e.Candidates.Count} {e.Seats}");
        if (e.WithdrawnCandidates.Count > 0) sb.Append(" withdrawn ").AppendJoin(',', e.WithdrawnCandidates.Order());
        foreach (var b in e.Ballots)
        {
            sb.Append(" | ").Append(b.Weight);
            foreach (var rank in b.Ranks)
                sb.Append(' ').Append(rank.Length == 0 ? "-" : string.Join('=', rank.Select(c => c < 0 ? "?" : e.Candidates[c])));
        }
        return sb.ToString();
    }

    public static string Print((RankedElection Election, RankedElection Permuted) pair) =>
        $"{Print(pair.Election)}\npermuted: {Print(pair.Permuted)}";

    /// <summary>Exact decimal written without trailing zeros, so equal values always print alike.</summary>
    public static string Num(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Everything a count reports, in a canonical text form: two results are the same count iff these are equal.</summary>
    public static string Describe(CountResult r)
    {
        var sb = new StringBuilder();
        sb.Append("winners: ").AppendJoin(", ", r.Winners).AppendLine();
        foreach (var round in r.Rounds)
        {
            sb.Append(CultureInfo.InvariantCulture, $"round {round.Number}: quota {(round.Quota is { } q ? Num(q) : "-")}");
            sb.Append(" tallies {").AppendJoin(", ", Sorted(round.Tallies)).Append('}');
            sb.Append(" inactive {").AppendJoin(", ", Sorted(round.Inactive)).Append('}');
            sb.Append(" elected [").AppendJoin(", ", round.Elected).Append(']');
            sb.Append(" eliminated [").AppendJoin(", ", round.Eliminated).Append(']');
            if (round.Surplus is { } s) sb.Append(" surplus ").Append(Num(s));
            if (round.KeepFactors is { } k) sb.Append(" keep {").AppendJoin(", ", Sorted(k)).Append('}');
            foreach (var t in round.Transfers)
                sb.Append(" transfer ").Append(t.From).Append(" {").AppendJoin(", ", Sorted(t.To)).Append('}');
            if (round.Note is { } note) sb.Append(" (").Append(note).Append(')');
            sb.AppendLine();
        }
        foreach (var tie in r.Ties)
            sb.AppendLine(CultureInfo.InvariantCulture, $"tie round {tie.Round}: [{string.Join(", ", tie.Tied)}] -> {tie.Chosen} by {tie.Rule} {tie.Seed}");
        return sb.ToString();
    }

    public static IEnumerable<string> Sorted(IReadOnlyDictionary<string, decimal> values) =>
        values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Num(p.Value)}");
}
