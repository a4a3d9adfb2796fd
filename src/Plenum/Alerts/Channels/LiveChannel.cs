using Microsoft.AspNetCore.SignalR;

namespace Plenum.Alerts.Channels;

/// <summary>The live alert page: instant while it is open; it confirms receipt itself (see <see cref="AlertHub.Received"/>).</summary>
public sealed class LiveChannel(IHubContext<AlertHub> hub, AlertPresence presence) : IAlertChannel
{
    public AlertChannel Kind => AlertChannel.Live;

    public bool CanReach(OutgoingAlert alert, Addressee person) => presence.IsOpen(alert.Incident.GroupId, person.UserId);

    public async Task<ChannelOutcome> SendAsync(OutgoingAlert alert, Addressee person, string ticket, CancellationToken cancellationToken)
    {
        var message = alert.Message;
        await hub.Clients.Group(AlertHub.PersonOf(alert.Incident.GroupId, person.UserId)).SendAsync(AlertHub.AlertMessageName, new
        {
            messageId = message.Id, incidentId = alert.Incident.Id, kind = AlertWording.Kind(message), text = message.Text,
            zone = alert.ZoneName, exercise = alert.Incident.Mode != Cap.CapStatus.Actual, sentAt = message.SentAt,
            answerUrl = AlertLinks.AnswerPath(ticket) + "?via=live",
        }, cancellationToken);
        return ChannelOutcome.Sent;
    }
}
