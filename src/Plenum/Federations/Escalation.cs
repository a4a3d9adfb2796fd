namespace Plenum.Federations;

/// <summary>
/// A proposal a member group puts forward for the federation's agenda. It opens as a federation
/// decision once enough member groups have endorsed it, each by its own rulebook.
/// </summary>
public sealed class Escalation
{
    public Guid Id { get; set; }
    public Guid FederationId { get; set; }
    public Guid FromGroupId { get; set; }
    [Privacy.Sensitive] public required string Title { get; set; }
    [Privacy.Sensitive] public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The federation decision it became, once endorsed by enough groups.</summary>
    public Guid? FederationDecisionId { get; set; }
    public List<Endorsement> Endorsements { get; set; } = [];
}

/// <summary>A member group's endorsement of an escalated proposal, adopted by its own decision.</summary>
public sealed class Endorsement
{
    public Guid EscalationId { get; set; }
    public Guid GroupId { get; set; }
    public Guid DecisionId { get; set; }
    public DateTimeOffset At { get; set; }
}
