namespace Plenum.Federations;

/// <summary>
/// What a member group tells its delegate to do in one federation decision, adopted by the group's
/// own decision: the position, its limits and the room to negotiate, valid until it expires.
/// </summary>
public sealed class Mandate
{
    public Guid Id { get; set; }
    public Guid FederationDecisionId { get; set; }
    public Guid MemberGroupId { get; set; }
    /// <summary>The position the delegate is to take (agree, disagree, abstain), or null for a free vote within the limits.</summary>
    public string? Position { get; set; }
    [Privacy.Sensitive] public string? Limits { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The group's decision that adopted it.</summary>
    public Guid DecisionId { get; set; }
    public DateTimeOffset AdoptedAt { get; set; }
}
