using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Stv;

/// <summary>
/// Meek STV per the Proportional Representation Foundation reference rule
/// (https://prfound.org/resources/reference/reference-meek-rule/):
/// <list type="bullet">
/// <item>Arithmetic: fixed point with <see cref="MeekRules.Decimals"/> places (9) on longs. A candidate's
/// share of a ballot (weight × keep factor) is rounded up; quotas are truncated, then one unit (10^-9) added;
/// new keep factors are rounded up at both steps (keep factor × quota, then ÷ votes).</item>
/// <item>Each round iterates: distribute all ballots (B.2.a), quota = votes for candidates ÷ (seats + 1) + 10^-9
/// (B.2.b), elect every hopeful at or above quota (B.2.c), total surplus (B.2.d); the round ends when someone
/// is elected, the surplus is below omega (10^-6), or the surplus stopped falling (B.2.e); otherwise keep
/// factors are updated (B.2.f) and the round iterates again.</item>
/// <item>A round that elected nobody defeats the lowest hopeful (B.3). Hopefuls within the total surplus of
/// the lowest count as tied; the tie-break order decides and the tie is recorded.</item>
/// <item>The count ends when every seat is filled (remaining hopefuls defeated) or when the hopefuls just fill
/// the seats (all elected) (C).</item>
/// <item>Withdrawn candidates are defeated before the count and skipped on every ballot. Ballots: skipped ranks
/// are ignored, a repeated candidate counts at its first rank only, an overvote ends the ballot
/// (its remaining weight is reported as overvote), and equally ranked candidates share the weight equally.</item>
/// </list>
/// </summary>
public static class MeekCount
{
    public const string MethodName = "meek";

    public static CountResult Run(RankedElection election, MeekRules? rules = null)
    {
        try
        {
            return new MeekTabulation(election, rules ?? new MeekRules()).Run();
        }
        catch (OverflowException)
        {
            // refuse rather than give a wrong result: 64-bit fixed point holds about 9.2 billion ballots at 9 decimals
            throw new CountingException("the ballot weights are too large for fixed-point arithmetic on 64-bit integers");
        }
    }
}
