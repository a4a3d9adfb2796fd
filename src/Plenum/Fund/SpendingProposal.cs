namespace Plenum.Fund;

/// <summary>The amount a spending decision asks for; once the decision is adopted, disbursements linked to it may add up to this much.</summary>
public sealed class SpendingProposal
{
    public Guid DecisionId { get; set; }
    public Guid GroupId { get; set; }
    public long Amount { get; set; }
    public required string Currency { get; set; }
}
