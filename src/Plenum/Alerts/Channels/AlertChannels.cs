using Plenum.Notifications.Push;

namespace Plenum.Alerts.Channels;

/// <summary>A message on its way out, with what every channel needs to word it.</summary>
public sealed record OutgoingAlert(AlertMessage Message, Incident Incident, AlertNetwork Network, string GroupName, string GroupSlug, string ZoneName)
{
    public string Subject => $"{GroupName}: {Incident.Headline}";
}

/// <summary>One person a message goes to, and how they can be reached.</summary>
public sealed record Addressee(Guid UserId, IReadOnlyList<AlertChannel> Order, string? Email, string? GatewayAddress, IReadOnlyList<PushSubscription> PushSubscriptions);

public enum ChannelOutcome
{
    /// <summary>Handed over; a receipt may follow.</summary>
    Sent,
    /// <summary>The other end confirmed it (a gateway's 2xx).</summary>
    Received,
    /// <summary>Did not go out: the next channel is tried at once.</summary>
    Failed,
}

/// <summary>One way an alert reaches a person.</summary>
public interface IAlertChannel
{
    AlertChannel Kind { get; }
    /// <summary>Whether the person could be reached this way at all (a page open, a subscription, an address).</summary>
    bool CanReach(OutgoingAlert alert, Addressee person);
    /// <param name="ticket">The sealed answer link's token for this person and message.</param>
    Task<ChannelOutcome> SendAsync(OutgoingAlert alert, Addressee person, string ticket, CancellationToken cancellationToken);
}
