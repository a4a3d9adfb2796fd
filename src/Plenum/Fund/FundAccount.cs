namespace Plenum.Fund;

/// <summary>A group's common fund: which currency it keeps its ledger in. Started by the treasurer or a coordinator.</summary>
public sealed class FundAccount
{
    public Guid GroupId { get; set; }
    /// <summary>ISO 4217 code, e.g. EUR; fixed once the first entry is recorded.</summary>
    public required string Currency { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}
