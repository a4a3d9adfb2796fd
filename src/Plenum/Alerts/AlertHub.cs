using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Plenum.Infrastructure;

namespace Plenum.Alerts;

/// <summary>
/// The live channel: a responder's open alert page receives alerts here the moment they are sent and
/// confirms each one; a dispatcher's desk hears when answers come in.
/// </summary>
[Authorize]
public sealed class AlertHub(AlertNetworks networks, AlertPresence presence, AlertReceipts receipts, PlenumOptions options) : OwnPagesHub(options)
{
    public const string Path = "/hubs/alerts";
    public const string AlertMessageName = "Alert", DeskChangedName = "DeskChanged";

    public static string PersonOf(Guid groupId, Guid userId) => $"alerts:{groupId:N}:{userId:N}";
    public static string DeskOf(Guid groupId) => $"desk:{groupId:N}";

    Guid Me => Guid.Parse(Context.UserIdentifier!);

    /// <summary>Listens for a network's alerts to this person; with a dispatcher's duty, also to the desk.</summary>
    public async Task Listen(Guid groupId)
    {
        var duties = await networks.DutiesAsync(groupId, Me);
        if (duties == AlertDuty.None && await networks.ResponderAsync(groupId, Me) is null) throw new HubException("No such network.");
        await Groups.AddToGroupAsync(Context.ConnectionId, PersonOf(groupId, Me));
        if (duties.HasFlag(AlertDuty.Dispatcher) || duties.HasFlag(AlertDuty.Verifier)) await Groups.AddToGroupAsync(Context.ConnectionId, DeskOf(groupId));
        if (Context.Items.TryAdd(groupId, true)) presence.Opened(groupId, Me);
    }

    /// <summary>The page confirms it showed a message: the delivery receipt of the live channel.</summary>
    public Task Received(Guid messageId) => receipts.ReceivedAsync(messageId, Me, AlertChannel.Live);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var groupId in Context.Items.Keys.OfType<Guid>()) presence.Closed(groupId, Me);
        return base.OnDisconnectedAsync(exception);
    }
}
