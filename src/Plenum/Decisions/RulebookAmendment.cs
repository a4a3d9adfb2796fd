using Plenum.Counting.Proposals;

namespace Plenum.Decisions;

/// <summary>Checks a proposed set of decision classes before it can be put to a rulebook-change vote.</summary>
public static class RulebookAmendment
{
    /// <summary>Everything wrong with the classes, in plain words (empty when they make a workable rulebook).</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<DecisionClass> classes)
    {
        if (classes.Count is < 1 or > 20) yield return "A rulebook has 1 to 20 decision classes.";
        // Without this class the group could never change its rulebook again.
        if (!classes.Any(c => c.Key == "rulebook")) yield return "The rulebook keeps its \"Rulebook change\" class.";
        if (classes.Select(c => c.Key).Distinct().Count() != classes.Count) yield return "Each class appears once.";
        foreach (var c in classes)
        {
            var name = string.IsNullOrWhiteSpace(c.Name) ? c.Key : c.Name;
            if (c.Name.Trim().Length is < 2 or > 60) yield return $"{name}: a class name has 2 to 60 characters.";
            if (c.Key.Length is < 1 or > 40) yield return $"{name}: a class key has 1 to 40 characters.";
            if (c.Key == "rulebook" && !c.Allows(DecisionType.Proposal)) yield return $"{name}: rulebook changes are decided as proposals, so this class allows proposals.";
            if (c.Mode == DecisionMode.QualifiedMajority && !IsShareFromHalf(c.ThresholdNumerator, c.ThresholdDenominator))
                yield return $"{name}: a qualified majority is a share such as 2/3 (between 1/2 and 1/1).";
            if (c.QuorumNumerator < 0 || c.QuorumDenominator is < 1 or > MaxDenominator || c.QuorumNumerator > c.QuorumDenominator)
                yield return $"{name}: a quorum is a share of the members such as 1/3, or 0 for none.";
            if (c.BlocksAllowed && c.BlockLimit < 1) yield return $"{name}: at least one block must be needed to stop a proposal.";
            if (c.StandAsideLimit is < 0) yield return $"{name}: the stand-aside limit cannot be negative.";
            if (c.MinVotingHours < 1 || c.MaxVotingHours < c.MinVotingHours || c.MaxVotingHours > 24 * 90)
                yield return $"{name}: voting stays open at least 1 hour, at most 90 days, and the shortest period is not longer than the longest.";
            if (c.MinDiscussionHours is < 0 or > 24 * 60) yield return $"{name}: the discussion time is 0 to 60 days.";
            if (c.ProposerMinDays is < 0 or > 3650) yield return $"{name}: the membership time for proposers is 0 to 3650 days.";
            if (c.FallbackAfterRounds is { } rounds && (rounds is < 1 or > 10 || !IsShareFromHalf(c.FallbackNumerator, c.FallbackDenominator)))
                yield return $"{name}: a fallback comes after 1 to 10 failed rounds and needs a share such as 2/3 (between 1/2 and 1/1).";
            if (c.FallbackAfterRounds is not null && c.Mode is not (DecisionMode.Consensus or DecisionMode.Consent or DecisionMode.Unanimity))
                yield return $"{name}: a fallback only follows consensus, consent or unanimity.";
            if (c.EscalationNumerator < 1 || c.EscalationDenominator is < 1 or > MaxDenominator || c.EscalationNumerator > c.EscalationDenominator)
                yield return $"{name}: endorsements are a share of the member groups such as 1/3.";
            if (c.SpendWithoutVoteUpTo is < 0 or > 1_000_000) yield return $"{name}: spending without a vote is 0 to 1,000,000 whole units.";
            if (c.MaxProxiesPerMember is < 0 or > 10) yield return $"{name}: a member carries 0 to 10 proxy votes.";
        }
    }

    /// <summary>Shares are small fractions people vote on; a bound keeps them readable and the arithmetic far from overflow.</summary>
    const int MaxDenominator = 1000;

    /// <summary>A majority share: at least half, at most all.</summary>
    static bool IsShareFromHalf(long numerator, long denominator) =>
        denominator is >= 2 and <= MaxDenominator && numerator <= denominator && 2L * numerator >= denominator;
}
