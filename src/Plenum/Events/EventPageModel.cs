using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Events;

/// <summary>
/// Base for the events pages: signed-in people only; a closed group's events for its members only
/// (<see cref="GroupPageModel"/> answers 404 to others), an open group's for anyone signed in to see.
/// </summary>
public abstract class EventPageModel(PlenumDb db, UserManager<User> users) : GroupPageModel(db, users)
{
    public GroupEvent Event { get; private set; } = null!;
    /// <summary>Who may answer: people who are members (or delegates) of the group.</summary>
    public bool MayAnswer => Membership?.UserId is not null && Membership.UserId == Me?.Id;
    public bool MayChange => EventPlanner.MayChange(Event, Membership, Me?.IsInstanceAdmin == true);

    protected async Task<IActionResult?> LoadGroupAsync(bool membersOnly = false)
    {
        var denied = await LoadAsync(membersOnly);
        if (denied is not null) return denied;
        return Me is null ? Challenge() : null;
    }

    protected async Task<IActionResult?> LoadEventAsync(Guid id)
    {
        var denied = await LoadGroupAsync();
        if (denied is not null) return denied;
        var groupEvent = await Db.GroupEvents.FirstOrDefaultAsync(e => e.Id == id && e.GroupId == Group.Id);
        if (groupEvent is null) return NotFound();
        Event = groupEvent;
        return null;
    }
}
