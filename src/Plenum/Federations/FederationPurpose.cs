namespace Plenum.Federations;

/// <summary>What a member group's decision does for a federation once it closes.</summary>
public enum FederationPurpose
{
    /// <summary>The group's position on a federation decision, counted as its one vote.</summary>
    GroupPosition,
    /// <summary>Elects the group's delegate(s) to the federation.</summary>
    DelegateElection,
    /// <summary>Gives the group's delegate a mandate for one federation decision.</summary>
    Mandate,
    /// <summary>Recalls a delegate and names who replaces them.</summary>
    Recall,
    /// <summary>Puts (or endorses) a proposal for the federation's agenda.</summary>
    Escalation,
}

/// <summary>Ties a member group's decision to the federation business it settles.</summary>
public sealed class FederationAction
{
    /// <summary>The group's decision (one action per decision).</summary>
    public Guid DecisionId { get; set; }
    public FederationPurpose Purpose { get; set; }
    public Guid FederationId { get; set; }
    /// <summary>For a group position or a mandate: the federation decision it is about.</summary>
    public Guid? FederationDecisionId { get; set; }
    /// <summary>For a recall: the delegation to end, and the member who takes over.</summary>
    public Guid? DelegationId { get; set; }
    public Guid? ReplacementUserId { get; set; }
    /// <summary>For a mandate: the position the delegate is to take; null for a free vote within the limits.</summary>
    public string? MandatePosition { get; set; }
    /// <summary>For an escalation: the proposal it endorses (the first group's escalation starts it).</summary>
    public Guid? EscalationId { get; set; }
}
