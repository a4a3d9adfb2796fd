namespace Plenum.Alerts;

public enum AlertAnswer { None, Going, CannotGo }

/// <summary>
/// A person an incident's messages went to, and what they answered. Every later message about the
/// incident goes to exactly these people.
/// </summary>
public sealed class AlertRecipient
{
    public Guid IncidentId { get; set; }
    public Guid UserId { get; set; }
    public AlertTier Tier { get; set; }
    public DateTimeOffset PagedAt { get; set; }
    public int Wave { get; set; }
    /// <summary>Told "covered, stand by" after the roll-call filled without them.</summary>
    public bool StandBy { get; set; }
    public AlertAnswer Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public AlertChannel? AnsweredOn { get; set; }
    /// <summary>"I'm on site": the check-in timer runs until <see cref="CheckInDueAt"/>.</summary>
    public DateTimeOffset? OnSiteAt { get; set; }
    public DateTimeOffset? CheckInDueAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    /// <summary>When the dispatchers and legal support were told this person missed their check-in.</summary>
    public DateTimeOffset? MissedCheckInAt { get; set; }
}
