namespace Plenum.Decisions;

/// <summary>
/// Who has voted on a secret decision, with nothing of how: stored apart from the ballots.
/// </summary>
public sealed class VoterRollEntry
{
    public Guid DecisionId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>
/// How someone voted on a secret decision, with nothing of who: a random id, no time, no user,
/// only a hash of the receipt code the voter alone was shown (to check it was counted, or change it).
/// </summary>
public sealed class SecretBallot
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public required string Position { get; set; }
    [Privacy.Sensitive] public string? Reason { get; set; }
    public required string ReceiptHash { get; set; }
    /// <summary>1, or the voter's weight when the class weighs votes (a weight nobody else has can tell who cast it; the rulebook page says so).</summary>
    public int Weight { get; set; } = 1;
}
