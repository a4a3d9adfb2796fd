using Plenum.Counting.Ballots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Irv;

/// <summary>Instant-runoff voting: single winner, or RCTab-style multi-winner with fractional surplus transfers.</summary>
public static class IrvCount
{
    /// <exception cref="CountingException">Ballots or rules that cannot be counted.</exception>
    public static CountResult Run(RankedElection election, IrvRules rules) => new IrvTabulation(election, rules).Run();
}
