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
    public static CountResult Count(Decision decision, DecisionClass rules, IEnumerable<WeightedPosition> stored)
    {
        // Equal ballots are counted once with their summed weight, which the engine takes as a ballot count.
        var positions = stored.GroupBy(b => b.Position).Select(g => (Position: g.Key, Weight: g.Sum(b => (long)b.Weight))).ToList();
        var options = decision.OptionList;
        if (decision.Type is DecisionType.Score or DecisionType.DotVote)
        {
            var numbers = positions.Select(p => (Points: p.Position.Split(',').Select(int.Parse).ToArray(), p.Weight)).ToList();
            return decision.Type == DecisionType.Score
                ? ScoreVoting.Run(new SimpleElection<ScoreBallot>(options, 1, [.. numbers.Select(n => new ScoreBallot([.. n.Points.Select(p => (int?)p)], n.Weight))], Title: decision.Title),
                    new ScoreRange(0, decision.Points))
                : DotVote.Run(new SimpleElection<DotBallot>(options, 1, [.. numbers.Select(n => new DotBallot(n.Points, n.Weight))], Title: decision.Title),
                    new DotVoteRules(decision.Points));
        }
        var grouped = positions.Select(p => (Choice: ChoiceBallots.Read(p.Position), p.Weight)).ToList();
        if (decision.Type == DecisionType.Poll)
        {
            var ballots = grouped.Select(g => new ChoiceBallot(g.Choice.ToHashSet(), g.Weight)).ToList();
            var election = new SimpleElection<ChoiceBallot>(options, 1, ballots, Title: decision.Title);
            return decision.MaxChoices == 1 ? Plurality.Run(election) : Approval.Run(election, new ApprovalLimits(1, decision.MaxChoices));
        }
        var ranked = new RankedElection(options, decision.Type == DecisionType.Election ? decision.Seats : 1,
            grouped.Select(g => RankedBallot.Of(g.Weight, g.Choice)).ToList(), Title: decision.Title);
        return decision.Type switch
        {
            DecisionType.RankedChoice => IrvCount.Run(ranked, new IrvRules()),
            DecisionType.Condorcet => Schulze.Run(ranked),
            _ => rules.Elections == StvMethod.Scottish ? ScottishStvCount.Run(ranked) : MeekCount.Run(ranked),
        };
    }
}
