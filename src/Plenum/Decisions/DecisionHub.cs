using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Infrastructure;

namespace Plenum.Decisions;

/// <summary>
/// Where an open decision page listens for changes while JavaScript is on. It only says that
/// something changed and how many voted; the page then asks for its results fragment, which applies
/// the page's own rules about who may see a count (see <see cref="DecisionUpdates"/>).
/// </summary>
[Authorize]
public sealed class DecisionHub(PlenumDb db, UserManager<User> users, PlenumOptions options) : OwnPagesHub(options)
{
    public const string Path = "/hubs/decisions";

    /// <summary>
    /// Joins this connection to one decision's listeners, if the person is a member of its group, and
    /// answers how many have voted so far (votes may have come in since the page was drawn).
    /// </summary>
    public async Task<int> Watch(Guid decisionId)
    {
        var userId = Guid.Parse(users.GetUserId(Context.User!)!);
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId);
        // The same answer for "no such decision" and "not yours", so nothing is learnt by guessing ids.
        if (decision is null || !await Federations.FederationMembership.MayReadAsync(db, decision.GroupId, userId)) throw new HubException("No such decision.");
        await Groups.AddToGroupAsync(Context.ConnectionId, DecisionUpdates.ListenersOf(decisionId));
        return await Voting.CountVotersAsync(db, decision);
    }
}
