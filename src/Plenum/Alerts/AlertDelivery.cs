namespace Plenum.Alerts;

public enum DeliveryState
{
    /// <summary>Saved, not sent yet (also after a crash: it is sent when the app is back).</summary>
    Pending,
    /// <summary>Handed to a channel; waiting for a receipt.</summary>
    Sent,
    /// <summary>The person's device or gateway confirmed it, or they answered.</summary>
    Received,
    /// <summary>No channel of theirs worked: on the dispatchers' "not reached" list.</summary>
    NotReached,
}

/// <summary>One message to one person: which channel it is on, and how far it got.</summary>
public sealed class AlertDelivery
{
    public Guid MessageId { get; set; }
    public Guid UserId { get; set; }
    public Guid IncidentId { get; set; }
    public DeliveryState State { get; set; }
    public AlertChannel? Channel { get; set; }
    /// <summary>How many of the person's channels were tried, so a fallback moves to the next.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? FallbackAt { get; set; }
}
