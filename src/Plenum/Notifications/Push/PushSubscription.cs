using Plenum.Privacy;

namespace Plenum.Notifications.Push;

/// <summary>
/// One browser where a person turned push on: where its push service takes messages for it, and the
/// keys that encrypt them for that browser alone (RFC 8291). Any of these would let someone push to it.
/// </summary>
public sealed class PushSubscription
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    [Sensitive] public required string Endpoint { get; set; }
    /// <summary>A keyed hash of the endpoint, so the same browser subscribing again replaces its row.</summary>
    public required string EndpointHash { get; set; }
    /// <summary>The browser's public key (P-256, base64url).</summary>
    [Sensitive] public required string P256dh { get; set; }
    /// <summary>The browser's authentication secret (16 bytes, base64url).</summary>
    [Sensitive] public required string Auth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
}
