using Plenum.Counting.Results;

namespace Plenum.Decisions;

/// <summary>
/// The full count sheet of an IRV or STV count, one column per round: each candidate's votes and
/// change, the quota, the surplus, inactive ballots by reason, the votes moved, and who was elected
/// or eliminated and why (ties with the rule that broke them).
/// </summary>
public static class RoundTable
{
    /// <param name="quotaName">"quota" for STV, "threshold" for IRV.</param>
    public static ResultTable For(CountResult result, string quotaName)
    {
        var standings = new RoundStandings(result);
        var rounds = Enumerable.Range(0, result.Rounds.Count).ToList();
        var rows = standings.Order.Select(candidate => new ResultRow(candidate, [.. rounds.Select(r => CandidateCell(standings, r, candidate))])).ToList();

        rows.Add(Summary(Capitalised(quotaName), rounds, r => result.Rounds[r].Quota));
        if (result.Rounds.Any(r => r.Surplus is not null)) rows.Add(Summary("Surplus", rounds, r => result.Rounds[r].Surplus));
        foreach (var reason in result.Rounds.SelectMany(r => r.Inactive.Keys).Distinct())
            rows.Add(Summary(InactiveLabel(reason), rounds, r => result.Rounds[r].Inactive.GetValueOrDefault(reason))); // a reason not listed yet holds nothing
        if (result.Rounds.Any(r => r.Transfers.Count > 0))
            rows.Add(new ResultRow("Votes moved", [.. result.Rounds.Select(Transfers)], Summary: true));
        if (result.Rounds.Any(r => r.KeepFactors is not null))
            rows.Add(new ResultRow("Keep factors below 1", [.. result.Rounds.Select(KeepFactors)], Summary: true));
        if (result.Rounds.Any(r => r.Note is not null))
            rows.Add(new ResultRow("Note", [.. result.Rounds.Select(r => r.Note is null ? ResultCell.Empty : new ResultCell(r.Note))], Summary: true));
        rows.Add(Events("Elected", rounds, r => result.Rounds[r].Elected, (r, c) => RoundReasons.Elected(standings, r, c, quotaName)));
        rows.Add(Events("Eliminated", rounds, r => result.Rounds[r].Eliminated, (r, c) => RoundReasons.Eliminated(standings, r, c)));

        return new ResultTable("Count round by round",
            "Each candidate's votes at the end of each round, with the change since the round before; bold: elected in that round. "
            + $"Below them the {quotaName}, ballots no longer counted by reason, the votes moved, and who was elected or eliminated and why.",
            "Candidate", [.. result.Rounds.Select(r => $"Round {r.Number}")], rows);
    }

    static ResultCell CandidateCell(RoundStandings standings, int round, string candidate)
    {
        if (standings.Votes(round, candidate) is not { } votes) return ResultCell.Empty;
        var notes = new List<string>();
        if (standings.Change(round, candidate) is { } change and not 0) notes.Add(Signed(change));
        if (standings.IsElectedIn(round, candidate)) notes.Add("elected");
        if (standings.IsEliminatedIn(round, candidate)) notes.Add("eliminated");
        return new ResultCell(ResultText.Number(votes), standings.IsElectedIn(round, candidate), notes.Count == 0 ? null : string.Join(", ", notes));
    }

    static ResultRow Summary(string header, IEnumerable<int> rounds, Func<int, decimal?> value) =>
        new(header, [.. rounds.Select(r => value(r) is { } v ? new ResultCell(ResultText.Number(v)) : ResultCell.Empty)], Summary: true);

    static ResultRow Events(string header, IEnumerable<int> rounds, Func<int, IReadOnlyList<string>> who, Func<int, string, string> why) =>
        new(header, [.. rounds.Select(r => who(r).Count == 0 ? ResultCell.Empty
            : new ResultCell(string.Join("; ", who(r).Select(c => $"{c}: {why(r, c)}"))))], Summary: true);

    static ResultCell Transfers(CountRound round) => round.Transfers.Count == 0 ? ResultCell.Empty
        : new ResultCell(string.Join("; ", round.Transfers.Select(t =>
            $"from {t.From}: {string.Join(", ", t.To.Where(to => to.Value != 0).Select(to => $"{to.Key} {Signed(to.Value)}"))}")));

    static ResultCell KeepFactors(CountRound round) =>
        round.KeepFactors?.Where(k => k.Value < 1).ToList() is { Count: > 0 } below
            ? new ResultCell(string.Join(", ", below.Select(k => $"{k.Key} {ResultText.Number(k.Value)}")))
            : ResultCell.Empty;

    /// <summary>The model's reasons for ballot value no longer with any candidate, in short plain words.</summary>
    public static string InactiveLabel(string reason) => reason switch
    {
        InactiveReason.Overvote => "Overvoted",
        InactiveReason.SkippedRanks => "Skipped ranks",
        InactiveReason.ExhaustedChoices => "Exhausted",
        InactiveReason.Abstention => "Ranked no further",
        InactiveReason.RepeatedRanking => "Ranked twice",
        InactiveReason.ResidualSurplus => "Lost to rounding",
        InactiveReason.FinalRoundSurplus => "Surplus after the last seat",
        _ => Capitalised(reason),
    };

    static string Signed(decimal value) => (value > 0 ? "+" : value < 0 ? "−" : "") + ResultText.Number(Math.Abs(value));

    static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
