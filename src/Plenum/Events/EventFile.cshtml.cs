using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Mail;

namespace Plenum.Events;

/// <summary>One event as an .ics file, for whoever may see the event.</summary>
public sealed class EventFileModel(PlenumDb db, UserManager<User> users, Mailer mailer) : EventPageModel(db, users)
{
    [FromRoute] public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadEventAsync(Id);
        if (denied is not null) return denied;
        var calendar = EventCalendar.Write(null, [(Event, Group)], (group, id) => mailer.LinkTo(Request, EventPaths.Of(group, id)));
        Response.Headers.CacheControl = "private";
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), EventCalendar.ContentType, "event.ics");
    }
}
