using Plenum.Counting.Proposals;
using Plenum.Privacy;

namespace Plenum.Decisions;

public enum DecisionStatus { Open, Closed }

/// <summary>A proposal put to a group, decided under one class of its rulebook.</summary>
public sealed class Decision
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid? AuthorId { get; set; }
    public Accounts.User? Author { get; set; }
    public required string ClassKey { get; set; }
    public int RulebookVersion { get; set; }
    [Sensitive] public required string Title { get; set; }
    [Sensitive] public required string Text { get; set; }
    public bool Secret { get; set; }
    /// <summary>For a decision of class "rulebook": the template the group would adopt if it passes.</summary>
    public string? ProposedRulebookTemplate { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public DecisionStatus Status { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public ProposalResult? Result { get; set; }
    /// <summary>The declared outcome, line by line, with the rule that applied.</summary>
    public string? OutcomeExplanation { get; set; }
    /// <summary>Members eligible when the decision closed (for quorum and the eligible base).</summary>
    public int? EligibleAtClose { get; set; }
}
