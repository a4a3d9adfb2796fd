namespace Plenum.Events;

/// <summary>
/// A private calendar address: one person's feed of one group's events, or of all their groups' (GroupId null).
/// Only the secret's hash is stored; revoking deletes the row. No fetch is recorded.
/// </summary>
public sealed class CalendarFeedToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? GroupId { get; set; }
    public required string SecretHash { get; set; }
    /// <summary>The first characters of the secret, so a person can tell their feeds apart.</summary>
    public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
