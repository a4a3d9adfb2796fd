using System.Text.Json;
using Plenum.Notifications.Push;

namespace Plenum.Alerts.Channels;

/// <summary>Web Push to every browser the person turned push on in; its service worker posts the receipt when it shows the alert.</summary>
public sealed class PushChannel(PushSender sender, ILogger<PushChannel> log) : IAlertChannel
{
    public AlertChannel Kind => AlertChannel.Push;

    public bool CanReach(OutgoingAlert alert, Addressee person) => person.PushSubscriptions.Count > 0;

    public async Task<ChannelOutcome> SendAsync(OutgoingAlert alert, Addressee person, string ticket, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            group = alert.GroupName, text = $"{AlertWording.Kind(alert.Message)}: {alert.Message.Text} ({alert.ZoneName})",
            url = AlertLinks.AnswerPath(ticket) + "?via=push", receipt = AlertLinks.ReceiptPath(ticket), urgent = true,
        });
        if (payload.Length > PushEncryption.MaxPlaintext)
            payload = JsonSerializer.SerializeToUtf8Bytes(new { group = alert.GroupName, text = AlertWording.Kind(alert.Message), url = AlertLinks.AnswerPath(ticket) + "?via=push", receipt = AlertLinks.ReceiptPath(ticket), urgent = true });
        var any = false;
        foreach (var subscription in person.PushSubscriptions)
        {
            try
            {
                var (outcome, _) = await sender.SendAsync(subscription, payload, cancellationToken, urgent: true);
                any |= outcome == PushOutcome.Delivered;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // Only the kind: the message could name the push service's host.
                log.LogWarning("An alert could not be pushed ({Error})", error.GetType().Name);
            }
        }
        return any ? ChannelOutcome.Sent : ChannelOutcome.Failed;
    }
}
