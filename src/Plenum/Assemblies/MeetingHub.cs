using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Infrastructure;

namespace Plenum.Assemblies;

/// <summary>
/// Where a meeting's pages (participants' phones, the facilitator, the projector) listen while
/// JavaScript is on. A message says only that the meeting changed; each page then fetches itself
/// again, so what anyone sees is decided by the page's own rules.
/// </summary>
[Authorize]
public sealed class MeetingHub(PlenumDb db, UserManager<User> users, PlenumOptions options) : OwnPagesHub(options)
{
    public const string Path = "/hubs/meetings";

    public async Task Watch(Guid meetingId)
    {
        var userId = Guid.Parse(users.GetUserId(Context.User!)!);
        var groupId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (Guid?)m.GroupId).FirstOrDefaultAsync();
        // The same answer for "no such meeting" and "not yours", so nothing is learnt by guessing ids.
        if (groupId is null || !await Federations.FederationMembership.MayReadAsync(db, groupId.Value, userId)) throw new HubException("No such meeting.");
        await Groups.AddToGroupAsync(Context.ConnectionId, MeetingUpdates.ListenersOf(meetingId));
    }
}

/// <summary>Tells a meeting's open pages that something changed, after it is saved; never waits on them.</summary>
public sealed class MeetingUpdates(IHubContext<MeetingHub> hub, ILogger<MeetingUpdates> log)
{
    public const string ChangedMessage = "MeetingChanged", VotersMessage = "VotersChanged", SignalsMessage = "SignalsChanged";

    public static string ListenersOf(Guid meetingId) => $"meeting:{meetingId:N}";

    public void Changed(Guid meetingId) => _ = SendAsync(meetingId, ChangedMessage, [meetingId]);

    /// <summary>
    /// A vote changes only how many have voted, which every member sees anyway, so the number comes
    /// with the message: hundreds of phones then update it in place rather than each fetching the page.
    /// </summary>
    public void VotersChanged(Guid meetingId, Guid decisionId, int voters) => _ = SendAsync(meetingId, VotersMessage, [meetingId, decisionId, voters]);

    /// <summary>
    /// A hand signal changes only the counts every member sees on the current item, so they come with the
    /// message (signal name → count), for the same reason as <see cref="VotersChanged"/>.
    /// </summary>
    public void SignalsChanged(Guid meetingId, Guid itemId, IReadOnlyDictionary<string, int> counts) =>
        _ = SendAsync(meetingId, SignalsMessage, [meetingId, itemId, counts]);

    async Task SendAsync(Guid meetingId, string message, object[] arguments)
    {
        try
        {
            await hub.Clients.Group(ListenersOf(meetingId)).SendCoreAsync(message, arguments);
        }
        catch (Exception error)
        {
            log.LogWarning(error, "A meeting update could not be sent");
        }
    }
}
