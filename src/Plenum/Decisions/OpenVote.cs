namespace Plenum.Decisions;

/// <summary>A named vote on an open (non-secret) decision; one per member, changeable while open.</summary>
public sealed class OpenVote
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public Guid UserId { get; set; }
    public Accounts.User? User { get; set; }
    public required string Position { get; set; }
    [Privacy.Sensitive] public string? Reason { get; set; }
    public DateTimeOffset CastAt { get; set; }
    /// <summary>What this vote counts for: 1, or the member's vote weight when the class weighs votes.</summary>
    public int Weight { get; set; } = 1;
    /// <summary>The member who cast it by proxy, when not the voter themself.</summary>
    public Guid? CastByUserId { get; set; }
    public Accounts.User? CastBy { get; set; }
    /// <summary>Earlier positions of this vote, oldest first, kept while the ballot is open and erased when it closes ("agree@2026-11-20T10:00Z").</summary>
    public string? History { get; set; }
}
