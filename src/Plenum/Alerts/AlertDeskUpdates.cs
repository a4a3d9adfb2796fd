using Microsoft.AspNetCore.SignalR;

namespace Plenum.Alerts;

/// <summary>Tells a network's open dispatch pages that an incident changed (a report, an answer, a receipt); never waits on them.</summary>
public sealed class AlertDeskUpdates(IHubContext<AlertHub> hub, ILogger<AlertDeskUpdates> log)
{
    public void Changed(Guid groupId, Guid incidentId) => _ = SendAsync(groupId, incidentId);

    async Task SendAsync(Guid groupId, Guid incidentId)
    {
        try
        {
            await hub.Clients.Group(AlertHub.DeskOf(groupId)).SendAsync(AlertHub.DeskChangedName, incidentId);
        }
        catch (Exception error)
        {
            log.LogWarning(error, "A dispatch page could not be told of a change");
        }
    }
}
