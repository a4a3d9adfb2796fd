namespace Plenum.Counting.Stv;

/// <summary>Options of weighted inclusive Gregory STV. Defaults are California SB 1288's: 5 decimals, Droop.</summary>
public sealed record WigmRules
{
    public int Decimals { get; init; } = 5;

    public QuotaKind Quota { get; init; } = QuotaKind.Droop;

    /// <summary>Candidate indices; among tied candidates the one listed first is defeated. Default: candidate order.</summary>
    public IReadOnlyList<int>? TieBreakOrder { get; init; }

    /// <summary>Ranks a voter could use; a ballot that runs out with fewer ranks used counts as an abstention.</summary>
    public int? MaxRankingLevels { get; init; }
}
