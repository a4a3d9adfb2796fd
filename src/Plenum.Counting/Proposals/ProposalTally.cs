using System.Globalization;
using Plenum.Counting.Exact;
using Plenum.Counting.Lots;

namespace Plenum.Counting.Proposals;

/// <summary>
/// Decides a proposal under a group's rule. In order: the quorum; the block limit; the
/// stand-aside limit; then the decision mode. Every step adds a line to the explanation.
/// All comparisons are exact integer cross-multiplications; percentages are for reading only.
/// </summary>
public static class ProposalTally
{
    public static ProposalOutcome Decide(ProposalRule rule, ProposalVotes votes)
    {
        var counts = PositionCounts.Of(votes);
        var cast = counts.VotesCast;
        var present = votes.Present ?? cast;
        Check(rule, votes, cast, present);

        var lines = new List<string>
        {
            $"{cast} of {votes.Eligible} eligible voted" + (votes.Present is { } p ? $" ({p} present)" : "")
            + $": {counts.Agree} agree, {counts.Disagree} disagree, {counts.Block} block, "
            + $"{counts.StandAside} stand aside, {counts.Abstain} abstain",
        };
        var outcome = new ProposalOutcome
        {
            Result = ProposalResult.Failed,
            Counts = votes.Counts.ToDictionary(kv => kv.Key, kv => kv.Value),
            CountsByKind = counts.ToDictionary(),
            Eligible = votes.Eligible,
            VotesCast = cast,
            Base = cast,
            Threshold = DescribeThreshold(rule),
            Explanation = lines,
        };

        if (rule.Quorum is { } quorum)
        {
            var (required, description) = QuorumRequired(quorum, votes.Eligible, present);
            outcome = outcome with { QuorumRequired = required };
            if (cast < required)
            {
                lines.Add($"quorum of {required}{description} not met → no quorum");
                return outcome with { Result = ProposalResult.NoQuorum };
            }
            lines.Add($"quorum of {required}{description} met");
        }

        if (rule.EffectiveBlockLimit is { } blockLimit && counts.Block >= blockLimit)
        {
            lines.Add($"{counts.Block} {Plural(counts.Block, "block")} ≥ block limit of {blockLimit} → fails");
            return outcome;
        }
        if (rule.StandAsideLimit is { } standAsideLimit && counts.StandAside > standAsideLimit)
        {
            lines.Add($"{counts.StandAside} stand-asides > limit of {standAsideLimit} → fails");
            return outcome;
        }

        return rule.Mode switch
        {
            DecisionMode.Consent => Consent(outcome, lines, counts, rule),
            DecisionMode.Consensus => Consensus(outcome, lines, counts),
            _ => Majority(outcome, lines, counts, rule, votes),
        };
    }

    private static ProposalOutcome Consent(ProposalOutcome outcome, List<string> lines, PositionCounts counts, ProposalRule rule)
    {
        lines.Add($"{counts.Block} {Plural(counts.Block, "block")}, below the block limit of {rule.EffectiveBlockLimit} → passes by consent");
        return outcome with { Result = ProposalResult.Passed };
    }

    private static ProposalOutcome Consensus(ProposalOutcome outcome, List<string> lines, PositionCounts counts)
    {
        var objections = counts.Disagree + counts.Block;
        if (objections > 0)
        {
            lines.Add($"{objections} disagree or block; consensus needs none → fails");
            return outcome;
        }
        if (counts.Agree == 0)
        {
            lines.Add("no one agrees; consensus needs at least one → fails");
            return outcome;
        }
        lines.Add($"{counts.Agree} agree, no one disagrees or blocks → passes by consensus");
        return outcome with { Result = ProposalResult.Passed };
    }

    private static ProposalOutcome Majority(
        ProposalOutcome outcome, List<string> lines, PositionCounts counts, ProposalRule rule, ProposalVotes votes)
    {
        var onEligible = rule.ThresholdBase == ThresholdBase.Eligible;
        var notTakingSides = counts.Abstain + counts.StandAside;
        var baseCount = onEligible
            ? votes.Eligible
            : counts.Agree + counts.Disagree + counts.Block + (rule.AbstentionsInBase ? notTakingSides : 0);
        if (!onEligible && notTakingSides > 0)
            lines.Add($"{notTakingSides} abstaining or standing aside {(rule.AbstentionsInBase ? "counted in the base" : "not counted")}");

        var agree = counts.Agree;
        var of = onEligible ? "eligible" : "counted";
        var share = baseCount == 0 ? "" : $" = {Percent(agree, baseCount)}";
        var required = rule.Mode switch
        {
            DecisionMode.SimpleMajority => baseCount / 2 + 1,
            DecisionMode.Unanimity => baseCount,
            _ => rule.Threshold!.LeastPartOf(baseCount),
        };
        outcome = outcome with { Base = baseCount, RequiredAgree = required };
        if (baseCount == 0)
        {
            lines.Add("no votes to count → fails");
            return outcome;
        }

        var head = $"{agree} agree of {baseCount} {of}{share}";
        switch (rule.Mode)
        {
            case DecisionMode.Unanimity:
                var unanimous = agree == baseCount;
                lines.Add(unanimous ? $"{head}: unanimous → passes" : $"{head}: unanimity needs all {baseCount} → fails");
                return outcome with { Result = unanimous ? ProposalResult.Passed : ProposalResult.Failed };

            case DecisionMode.QualifiedMajority:
                var threshold = rule.Threshold!;
                var met = threshold.IsMetBy(agree, baseCount);
                lines.Add($"{head} {(met ? "≥" : "<")} {threshold} → {(met ? "passes" : "fails")}");
                return outcome with { Result = met ? ProposalResult.Passed : ProposalResult.Failed };

            default:
                var doubled = (Int128)agree * 2;
                if (doubled > baseCount)
                {
                    lines.Add($"{head} > 1/2 → passes");
                    return outcome with { Result = ProposalResult.Passed };
                }
                if (doubled < baseCount)
                {
                    lines.Add($"{head} < 1/2 → fails");
                    return outcome;
                }
                lines.Add($"{head}, exactly half: a tie");
                return BreakTie(outcome, lines, rule, votes);
        }
    }

    private static ProposalOutcome BreakTie(ProposalOutcome outcome, List<string> lines, ProposalRule rule, ProposalVotes votes)
    {
        switch (rule.TieRule)
        {
            case ProposalTieRule.ChairDecides when votes.ChairDecision is null:
                lines.Add("the chair decides ties; awaiting the chair's decision");
                return outcome with { Result = ProposalResult.TieAwaitingChair };
            case ProposalTieRule.ChairDecides:
                var chairPasses = votes.ChairDecision!.Value;
                lines.Add($"the chair decides the tie: {(chairPasses ? "for → passes" : "against → fails")}");
                return outcome with { Result = chairPasses ? ProposalResult.Passed : ProposalResult.Failed };
            case ProposalTieRule.Lot:
                var lotPasses = new SplitMix64(rule.LotSeed).NextBelow(2) == 0;
                lines.Add($"the tie is settled by lot (SplitMix64, seed {rule.LotSeed}): {(lotPasses ? "passes" : "fails")}");
                return outcome with { Result = lotPasses ? ProposalResult.Passed : ProposalResult.Failed };
            default:
                lines.Add("a tie fails → fails");
                return outcome;
        }
    }

    private static (long Required, string Description) QuorumRequired(Quorum quorum, long eligible, long present)
    {
        if (quorum.Count is { } count) return (count, "");
        var share = quorum.Share!;
        return quorum.Of == QuorumBase.Present
            ? (share.LeastPartOf(present), $" ({share} of {present} present)")
            : (share.LeastPartOf(eligible), $" ({share} of {eligible} eligible)");
    }

    private static string DescribeThreshold(ProposalRule rule)
    {
        var of = rule.ThresholdBase == ThresholdBase.Eligible
            ? "eligible voters"
            : $"votes cast (abstentions {(rule.AbstentionsInBase ? "counted" : "not counted")})";
        return rule.Mode switch
        {
            DecisionMode.Consensus => "consensus: no disagreement or block",
            DecisionMode.Consent => $"consent: fewer than {rule.EffectiveBlockLimit} blocks",
            DecisionMode.SimpleMajority => $"more than 1/2 of {of}",
            DecisionMode.Unanimity => $"all of {of}",
            _ => $"at least {rule.Threshold} of {of}",
        };
    }

    private static void Check(ProposalRule rule, ProposalVotes votes, long cast, long present)
    {
        if (votes.Eligible <= 0) throw new CountingException("there must be at least one eligible voter");
        if (cast > present) throw new CountingException($"{cast} voted but only {present} were present");
        if (present > votes.Eligible) throw new CountingException($"{present} present but only {votes.Eligible} eligible");
        if (rule.Mode == DecisionMode.QualifiedMajority)
        {
            if (rule.Threshold is null) throw new CountingException("a qualified majority needs a threshold");
            rule.Threshold.Check("threshold");
        }
        rule.Quorum?.Share?.Check("quorum");
        if (rule.Quorum?.Count < 0) throw new CountingException("a quorum cannot be negative");
        if (rule.BlockLimit < 1) throw new CountingException("a block limit must be at least 1");
        if (rule.StandAsideLimit < 0) throw new CountingException("a stand-aside limit cannot be negative");
    }

    private static string Percent(long part, long whole) =>
        Math.Round(new Rational(new System.Numerics.BigInteger(part) * 100, whole).ToDecimal(), 1, MidpointRounding.AwayFromZero)
            .ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Plural(long n, string word) => n == 1 ? word : word + "s";
}
