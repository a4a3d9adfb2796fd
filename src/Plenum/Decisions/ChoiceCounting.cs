using Plenum.Counting.Ballots;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Simple;
using Plenum.Counting.Stv;

namespace Plenum.Decisions;

/// <summary>Counts the stored ballots of a poll, ranking or election with Plenum.Counting.</summary>
public static class ChoiceCounting
{
    public static CountResult Count(Decision decision, DecisionClass rules, IReadOnlyList<WeightedPosition> positions)
    {
        var options = decision.OptionList;
        if (decision.Type is DecisionType.Score or DecisionType.DotVote)
        {
            var scored = Scored(decision, positions);
            return decision.Type == DecisionType.Score
                ? ScoreVoting.Run(scored, new ScoreRange(0, decision.Points))
                : DotVote.Run(new SimpleElection<DotBallot>(options, 1, [.. scored.Ballots.Select(b => new DotBallot([.. b.Scores.Select(s => s ?? 0)], b.Weight))], Title: decision.Title),
                    new DotVoteRules(decision.Points));
        }
        var ranked = Ranked(decision, positions);
        if (decision.Type == DecisionType.Poll)
        {
            var election = new SimpleElection<ChoiceBallot>(options, 1, [.. ranked.Ballots.Select(b => new ChoiceBallot(b.Ranks.SelectMany(r => r).ToHashSet(), b.Weight))], Title: decision.Title);
            return decision.MaxChoices == 1 ? Plurality.Run(election) : Approval.Run(election, new ApprovalLimits(1, decision.MaxChoices));
        }
        return decision.Type switch
        {
            DecisionType.RankedChoice => IrvCount.Run(ranked, new IrvRules()),
            DecisionType.Condorcet => Schulze.Run(ranked),
            _ => rules.Elections == StvMethod.Scottish ? ScottishStvCount.Run(ranked) : MeekCount.Run(ranked),
        };
    }

    /// <summary>
    /// The ballots of a poll, ranking or election as counted, identical ones grouped (a poll's choices
    /// as a ranking in option order). Shared with the downloads, so a recount sees exactly what was counted.
    /// </summary>
    public static RankedElection Ranked(Decision decision, IEnumerable<WeightedPosition> positions) =>
        new(decision.OptionList, decision.Type == DecisionType.Election ? decision.Seats : 1,
            [.. Grouped(positions).Select(g => RankedBallot.Of(g.Weight, ChoiceBallots.Read(g.Position)))], Title: decision.Title);

    /// <summary>The ballots of a score or dot vote, identical ones grouped: the number given to each option.</summary>
    public static SimpleElection<ScoreBallot> Scored(Decision decision, IEnumerable<WeightedPosition> positions) =>
        new(decision.OptionList, 1,
            [.. Grouped(positions).Select(g => new ScoreBallot([.. g.Position.Split(',').Select(p => (int?)int.Parse(p))], g.Weight))], Title: decision.Title);

    /// <summary>
    /// Identical ballots together with their summed weight (which the engine takes as a ballot count),
    /// most common first: an order that says nothing of who voted when.
    /// </summary>
    static IEnumerable<(string Position, long Weight)> Grouped(IEnumerable<WeightedPosition> positions) =>
        positions.GroupBy(p => p.Position).Select(g => (Position: g.Key, Weight: g.Sum(b => (long)b.Weight)))
            .OrderByDescending(g => g.Weight).ThenBy(g => g.Position, StringComparer.Ordinal);
}
