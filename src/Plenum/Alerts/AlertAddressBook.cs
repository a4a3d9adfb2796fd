using Microsoft.EntityFrameworkCore;
using Plenum.Alerts.Channels;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>Gathers, for sending, a message with its incident and everything each recipient's channels need.</summary>
public sealed class AlertAddressBook(PlenumDb db)
{
    /// <summary>Without a profile of their own (a coordinator verifying, say), a person is tried on these.</summary>
    public static readonly IReadOnlyList<AlertChannel> DefaultOrder = [AlertChannel.Live, AlertChannel.Push, AlertChannel.Email];

    public async Task<OutgoingAlert> OutgoingAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.AlertMessages.AsNoTracking().SingleAsync(m => m.Id == messageId, cancellationToken);
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == message.IncidentId, cancellationToken);
        var network = await db.AlertNetworks.AsNoTracking().SingleAsync(n => n.GroupId == incident.GroupId, cancellationToken);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == incident.GroupId).Select(g => new { g.Name, g.Slug }).SingleAsync(cancellationToken);
        var zone = await db.AlertZones.AsNoTracking().Where(z => z.Id == incident.ZoneId).Select(z => z.Name).SingleAsync(cancellationToken);
        return new OutgoingAlert(message, incident, network, group.Name, group.Slug, zone);
    }

    /// <summary>How to reach each of <paramref name="userIds"/>, who are recipients of the message.</summary>
    public async Task<IReadOnlyDictionary<Guid, Addressee>> AddresseesAsync(Guid groupId, Guid messageId, IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        // Selected through the message's deliveries, so the database joins them rather than receiving thousands of ids.
        var recipients = db.AlertDeliveries.Where(d => d.MessageId == messageId).Select(d => d.UserId);
        var profiles = await db.Responders.AsNoTracking().Where(r => r.GroupId == groupId && recipients.Contains(r.UserId))
            .ToDictionaryAsync(r => r.UserId, cancellationToken);
        var emails = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id) && u.EmailConfirmed && u.DeletedAt == null)
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var push = (await db.PushSubscriptions.AsNoTracking().Where(s => recipients.Contains(s.UserId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.UserId);
        return userIds.Distinct().ToDictionary(id => id, id =>
        {
            var profile = profiles.GetValueOrDefault(id);
            var order = profile?.ChannelOrder is { Count: > 0 } chosen ? chosen : DefaultOrder;
            return new Addressee(id, order, emails.GetValueOrDefault(id), profile?.GatewayAddress, push[id].ToList());
        });
    }
}
