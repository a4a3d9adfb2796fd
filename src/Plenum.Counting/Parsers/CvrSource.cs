namespace Plenum.Counting.Parsers;

/// <summary>
/// One cast-vote-record file named by an RCTab config, with the labels that say how its cells
/// or selections are read. Column and row numbers are 1-based, as in RCTab configs.
/// </summary>
public sealed record CvrSource
{
    public required string FilePath { get; init; }
    /// <summary>"cdf", "ess", or another RCTab provider name (which reading refuses).</summary>
    public required string Provider { get; init; }
    public string? ContestId { get; init; }
    public int FirstVoteColumn { get; init; } = 1;
    public int FirstVoteRow { get; init; } = 2;
    public string? OvervoteDelimiter { get; init; }
    public string? OvervoteLabel { get; init; }
    public string? SkippedRankLabel { get; init; }
    public string? UndeclaredWriteInLabel { get; init; }
    public bool TreatBlankAsUndeclaredWriteIn { get; init; }
}
