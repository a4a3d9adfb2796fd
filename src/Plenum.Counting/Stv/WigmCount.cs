using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Stv;

/// <summary>
/// Single transferable vote with weighted inclusive Gregory surplus transfers, as California SB 1288
/// prescribes (and the CA-SB1288 reference tabulation implements):
/// <list type="bullet">
/// <item>Fixed point with <see cref="WigmRules.Decimals"/> places (5). The threshold is the votes for
/// candidates in the first round ÷ (seats + 1), rounded up, fixed for the whole count.</item>
/// <item>A candidate with more votes than the threshold is elected. All of an elected candidate's ballots move on
/// to their next continuing candidate, each ballot's transfer value multiplied by surplus ÷ votes (that factor
/// and the product both truncated). What truncation loses is reported as residual surplus; an elected
/// candidate's tally then shows the threshold.</item>
/// <item>A round with no surplus defeats the continuing candidate with fewest votes (tie: the tie-break
/// order) and moves its ballots on at their current values.</item>
/// <item>The count ends when the seats are filled (the rest defeated) or the continuing candidates just fill
/// them (all elected); in round 1 when there are no more continuing candidates than seats.</item>
/// <item>Ballots: skipped ranks and candidates no longer continuing are passed over; an overvote (several
/// candidates at one rank, or a "#" mark) ends the ballot. A ballot with no continuing candidate left counts as
/// an abstention if the voter used fewer ranks than allowed, otherwise as exhausted choices.</item>
/// </list>
/// </summary>
public static class WigmCount
{
    public const string MethodName = "stv-wigm";

    public static CountResult Run(RankedElection election, WigmRules? rules = null)
    {
        rules ??= new WigmRules();
        var candidates = election.Candidates.Count;
        StvBallotState state;
        try
        {
            state = new StvBallotState(election, CompiledBallots.Compile(election, MultiMarkReading.Overvote),
            new FixedPoint(rules.Decimals), rules.MaxRankingLevels ?? candidates);
        }
        catch (OverflowException)
        {
            throw new CountingException("the ballot weights are too large for fixed-point arithmetic on 64-bit integers");
        }
        try
        {
            return new WigmTabulation(election, rules, state).Run();
        }
        catch (OverflowException)
        {
            throw new CountingException("the ballot weights are too large for fixed-point arithmetic on 64-bit integers");
        }
    }
}
