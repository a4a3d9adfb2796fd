using System.Threading.Channels;

namespace Plenum.Notifications.Push;

/// <summary>
/// Hands push notices from the request (or job) that caused them to <see cref="PushDelivery"/>, so
/// no push service, however slow or down, holds up or undoes what happened.
/// </summary>
public sealed class PushQueue(ILogger<PushQueue> log)
{
    const int Capacity = 1000;
    readonly Channel<PushNotice> _notices = Channel.CreateBounded<PushNotice>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    public ChannelReader<PushNotice> Reader => _notices.Reader;

    public void Enqueue(PushNotice notice)
    {
        // Never waits: if push services are so far behind, this notice stays in the app and in e-mail only.
        if (!_notices.Writer.TryWrite(notice)) log.LogWarning("The push queue is full; a notice was not pushed");
    }
}
