namespace Plenum.Counting.Irv;

/// <summary>The votes a candidate needs to be elected, from the active votes of the round it is set in.</summary>
internal static class Threshold
{
    public static decimal Compute(decimal activeVotes, int seats, IrvRules rules)
    {
        var places = rules.NonIntegerThreshold ? rules.DecimalPlaces : 0;
        decimal threshold = rules.HareQuota
            // Rounding up makes "at least votes/seats" a plain comparison; at least one unit, so that with no
            // active votes a candidate without votes does not reach it (every candidate would, beyond the seats).
            ? Math.Max(VoteArithmetic.DivideUp(activeVotes, seats, places), VoteArithmetic.Unit(places))
            // Rounding down and adding the smallest unit makes "more than votes/(seats+1)" one.
            : VoteArithmetic.DivideDown(activeVotes, seats + 1, places) + VoteArithmetic.Unit(places);
        return rules.MinimumVoteThreshold > threshold ? rules.MinimumVoteThreshold : threshold;
    }
}
