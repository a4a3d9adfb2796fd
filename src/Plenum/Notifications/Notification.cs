using Plenum.Privacy;

namespace Plenum.Notifications;

public enum NotificationKind { DecisionOpened, DecisionClosingSoon, DecisionClosed, AgreementReviewDue, RoleHandover, EventReminder, EventCancelled, EventPlaceFreed,
    AidMatch, AidClaim, AidMessage, AidEscalation, AidReport, AlertPipeline }

/// <summary>One in-app notice to one person about something in one of their groups.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid GroupId { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid? DecisionId { get; set; }
    public Guid? EventId { get; set; }
    /// <summary>The page the notice is about (a role, a meeting, a need…); a link, never anything personal.</summary>
    public string? Path { get; set; }
    /// <summary>Names the group and the decision's or event's title, which is itself sensitive.</summary>
    [Sensitive] public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Waiting for the person's daily digest e-mail (only for volume DailyDigest with a confirmed address).</summary>
    public bool DigestPending { get; set; }
}
