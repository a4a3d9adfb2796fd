using System.Text.Json;

namespace Plenum.Notifications.Push;

/// <summary>
/// One notice to push to some people's browsers: the group, what happened to which decision, and a
/// link. Never the proposal's text or anything about votes; the link leads to the rest, behind sign-in.
/// </summary>
public sealed record PushNotice(IReadOnlyCollection<Guid> UserIds, string Group, string Text, string Path)
{
    /// <summary>What the service worker shows (see wwwroot/push-worker.js).</summary>
    public byte[] Payload() => JsonSerializer.SerializeToUtf8Bytes(new { group = Group, text = Text, url = Path });
}
