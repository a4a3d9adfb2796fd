using System.Text;
using Plenum.Counting.Parsers;

namespace Plenum.Decisions;

/// <summary>One file of a closed decision's anonymised ballots, and the exact `plenum tally` command that recounts it.</summary>
public sealed record BallotDownload(string Format, string Label, string FileName, string ContentType, string Command);

/// <summary>
/// The anonymised-ballot files a closed decision offers (identical ballots grouped, no voter, no
/// order of casting) and how each is written, each in a format `plenum tally` reads back, with the
/// options that recount it by the rules the decision was counted by.
/// </summary>
public static class BallotDownloads
{
    public static IReadOnlyList<BallotDownload> For(Decision decision, DecisionClass rules)
    {
        var name = $"decision-{decision.Id:N}";
        var options = decision.OptionList;
        BallotDownload Offer(string format, string label, string contentType) =>
            new(format, label, $"{name}.{format}", contentType, $"plenum tally {name}.{format} {TallyOptions(decision, rules)}");
        var blt = Offer("blt", ".blt (ranked ballots, read by most STV software)", "text/plain; charset=utf-8");
        var json = Offer("json", "JSON (the test-case schema of the STV reference tests)", "application/json; charset=utf-8");
        var csv = Offer("csv", "CSV (one column per option)", "text/csv; charset=utf-8");
        var canJson = CaseJsonWriter.CanWrite(options);
        return decision.Type switch
        {
            DecisionType.RankedChoice or DecisionType.Condorcet or DecisionType.Election => canJson ? [blt, json] : [blt],
            DecisionType.Poll when decision.MaxChoices == 1 => canJson ? [blt, json] : [blt],
            DecisionType.Poll => canJson ? [json] : [],
            DecisionType.Score or DecisionType.DotVote => ScoreCsvWriter.CanWrite(options) ? [csv] : [],
            _ => [],
        };
    }

    /// <summary>The file of <paramref name="download"/>'s format holding <paramref name="positions"/>, the ballots as stored.</summary>
    public static byte[] Write(Decision decision, BallotDownload download, IEnumerable<WeightedPosition> positions)
    {
        var text = new StringWriter();
        switch (download.Format)
        {
            case "blt": text.Write(BltExport.Write(ChoiceCounting.Ranked(decision, positions))); break;
            case "json": CaseJsonWriter.Write(text, ChoiceCounting.Ranked(decision, positions)); break;
            default: ScoreCsvWriter.Write(text, ChoiceCounting.Scored(decision, positions)); break;
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The method and rule options ChoiceCounting used. A dot vote is recounted as scores from 0 to the
    /// dots each voter had: the totals, and so the winners, are the same.
    /// </summary>
    static string TallyOptions(Decision decision, DecisionClass rules) => decision.Type switch
    {
        DecisionType.RankedChoice => "--method irv",
        DecisionType.Condorcet => "--method schulze",
        DecisionType.Election => rules.Elections == StvMethod.Scottish ? "--method stv-scottish" : "--method meek",
        DecisionType.Poll when decision.MaxChoices == 1 => "--method plurality",
        DecisionType.Poll => $"--method approval --min-choices 1 --max-choices {decision.MaxChoices}",
        _ => $"--method score --score-min 0 --score-max {decision.Points}",
    };
}
