using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>Marks a message received by a person: by their device's receipt, their gateway, or because they answered.</summary>
public sealed class AlertReceipts(PlenumDb db, AlertReceiptWriter writer, TimeProvider clock)
{
    /// <summary>Saved together with the receipts that come in at the same moment (see <see cref="AlertReceiptWriter"/>).</summary>
    public Task ReceivedAsync(Guid messageId, Guid userId, AlertChannel channel) => writer.ReceivedAsync(messageId, userId, channel);

    /// <summary>An answer shows every earlier message about the incident reached the person.</summary>
    public async Task AllReceivedAsync(Guid incidentId, Guid userId, AlertChannel channel)
    {
        var now = clock.GetUtcNow();
        await db.AlertDeliveries.Where(d => d.IncidentId == incidentId && d.UserId == userId && d.State != DeliveryState.Received)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.State, DeliveryState.Received).SetProperty(x => x.ReceivedAt, now).SetProperty(x => x.Channel, channel));
    }
}
