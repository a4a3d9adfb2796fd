using Plenum.Counting;
using Plenum.Counting.Ballots;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Irv;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;
using Plenum.Counting.Simple;
using Plenum.Counting.Stv;

namespace Plenum.Tally;

/// <summary>Runs the chosen method of Plenum.Counting on what was read.</summary>
public static class TallyMethods
{
    public static readonly string[] Names =
        ["irv", "stv-scottish", "stv-wigm", "meek", "schulze", "ranked-pairs", "plurality", "approval", "borda", "score"];

    /// <exception cref="CountingException">Input the method cannot count.</exception>
    public static CountResult Run(TallySettings settings, LoadedInput input)
    {
        if (settings.Method == "score")
        {
            var scored = input.Scored ?? throw new CountingException("score voting needs scores: give a CSV with one column per candidate");
            return ScoreVoting.Run(scored with { Seats = settings.Seats ?? scored.Seats },
                new ScoreRange(settings.ScoreMin, settings.ScoreMax), settings.ScoreVariant, Ties(settings));
        }
        var ranked = input.Ranked ?? throw new CountingException($"{settings.Method} needs ranked ballots");
        var election = settings.Seats is { } seats ? ranked with { Seats = seats } : ranked;
        return settings.Method switch
        {
            "irv" => IrvCount.Run(election, IrvRules(settings, input)),
            "stv-scottish" => ScottishStvCount.Run(election, input.TieBreakOrder),
            "stv-wigm" => WigmCount.Run(election, new WigmRules
            {
                Decimals = settings.Decimals ?? new WigmRules().Decimals,
                Quota = settings.Quota ?? QuotaKind.Droop,
                TieBreakOrder = input.TieBreakOrder,
                MaxRankingLevels = input.Case?.MaxRankingLevels,
            }),
            "meek" => MeekCount.Run(election, (input.Case?.ToMeekRules() ?? new MeekRules { TieBreakOrder = input.TieBreakOrder }) with
            {
                Quota = settings.Quota ?? QuotaKind.Droop,
            }),
            "schulze" => Schulze.Run(election, settings.SchulzeVariant, Ties(settings)),
            "ranked-pairs" => RankedPairs.Run(election, Ties(settings)),
            "plurality" => Plurality.Run(election, Ties(settings)),
            "approval" => Approval.Run(Approvals(election), new ApprovalLimits(settings.MinChoices ?? 0, settings.MaxChoices), Ties(settings)),
            "borda" => Borda.Run(election, settings.BordaVariant, Ties(settings)),
            _ => throw new CountingException($"unknown method \"{settings.Method}\""),
        };
    }

    static IrvRules IrvRules(TallySettings settings, LoadedInput input)
    {
        var rules = input.RctabRules ?? new IrvRules { TieBreakOrder = input.TieBreakOrder };
        return rules with
        {
            Overvote = settings.Overvote ?? rules.Overvote,
            MaxSkippedRanks = settings.MaxSkippedRanks ?? rules.MaxSkippedRanks,
            ExhaustOnDuplicateCandidate = settings.ExhaustOnDuplicate ?? rules.ExhaustOnDuplicateCandidate,
            BatchElimination = settings.BatchElimination || rules.BatchElimination,
            ContinueUntilTwoCandidatesRemain = settings.ContinueUntilTwo || rules.ContinueUntilTwoCandidatesRemain,
            TieBreak = settings.TieBreak switch
            {
                "order" => TieBreakRule.CandidateOrder,
                "previous-round" => TieBreakRule.PreviousRoundCountsThenRandom,
                "random" => TieBreakRule.Random,
                _ => rules.TieBreak,
            },
            RandomSeed = settings.Seed ?? rules.RandomSeed,
            DecimalPlaces = settings.Decimals ?? rules.DecimalPlaces,
            HareQuota = settings.Quota is { } quota ? quota == QuotaKind.Hare : rules.HareQuota,
        };
    }

    /// <summary>A ranked ballot approves every candidate it marks, at any rank.</summary>
    static SimpleElection<ChoiceBallot> Approvals(RankedElection election) => new(
        election.Candidates, election.Seats,
        [.. election.Ballots.Select(b => new ChoiceBallot(b.Ranks.SelectMany(r => r).Where(c => c >= 0).ToHashSet(), b.Weight))],
        election.Withdrawn, election.Title);

    /// <summary>Lot with the given seed (default seed 0), or candidate order when asked.</summary>
    static TieBreaking Ties(TallySettings settings) =>
        settings.TieBreak == "order" ? TieBreaking.CandidateOrder : TieBreaking.Lot(settings.Seed ?? 0);
}
