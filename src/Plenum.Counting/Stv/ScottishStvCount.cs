using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Stv;

/// <summary>
/// STV per the Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules 45 to 52:
/// <list type="bullet">
/// <item>Quota (rule 46): valid first preferences ÷ (seats + 1), fraction ignored, plus 1. Ballots without a
/// valid first preference are not counted (reported as rejected).</item>
/// <item>A candidate whose votes equal or exceed the quota is elected (rules 47, 48).</item>
/// <item>Surpluses (rules 48, 49): the largest first; each of the candidate's ballot papers moves to its next
/// available preference with transfer value = surplus × the paper's value ÷ the candidate's total votes,
/// to 5 decimal places with any remainder ignored. Papers with no next preference are non-transferable.
/// The candidate is left with exactly the quota; what truncation loses is reported as residual surplus.</item>
/// <item>With no surplus to transfer, the candidate with fewest votes is excluded (rule 50) and all its papers
/// move on at the value they carry.</item>
/// <item>Ties (rules 49, 50): the candidate with the larger (or, for exclusion, smaller) vote at the most
/// recent earlier stage where they differed; equal at every stage: the tie-break order (standing in for lots).</item>
/// <item>Last vacancies (rule 51): when the continuing candidates just fill the seats they are elected.</item>
/// <item>A "next available preference" must follow in consecutive order: a skipped rank or two candidates at
/// one rank end the paper there.</item>
/// </list>
/// </summary>
public static class ScottishStvCount
{
    public const string MethodName = "stv-scottish";

    public static CountResult Run(RankedElection election, IReadOnlyList<int>? tieBreakOrder = null)
    {
        try
        {
            var compiled = CompiledBallots.Compile(election, MultiMarkReading.Overvote, skippedRankStops: true);
            var piles = new StvBallotState(election, compiled, new FixedPoint(5), int.MaxValue);
            return new ScottishTabulation(election, piles, new TieBreakOrder(election.Candidates.Count, tieBreakOrder)).Run();
        }
        catch (OverflowException)
        {
            throw new CountingException("the ballot weights are too large for fixed-point arithmetic on 64-bit integers");
        }
    }
}
