using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Events;

/// <summary>Any member makes an event; the form starts in the zone the group's last event used.</summary>
public sealed class NewModel(PlenumDb db, UserManager<User> users, EventPlanner planner, TimeProvider clock) : EventPageModel(db, users)
{
    [BindProperty] public EventForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        Form.TimeZone = await Db.GroupEvents.Where(e => e.GroupId == Group.Id).OrderByDescending(e => e.CreatedAt).Select(e => e.TimeZone).FirstOrDefaultAsync() ?? "UTC";
        var zone = EventTimes.Zone(Form.TimeZone)!;
        var evening = EventTimes.ToLocal(clock.GetUtcNow(), zone).Date.PlusDays(7).At(new NodaTime.LocalTime(19, 0));
        (Form.Start, Form.End) = (evening.ToDateTimeUnspecified(), evening.PlusHours(2).ToDateTimeUnspecified());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        try
        {
            var groupEvent = await planner.CreateAsync(Group, Me!.Id, Form.ToDraft());
            TempData["Notice"] = "The event is made.";
            return Redirect(EventPaths.Of(Group, groupEvent.Id));
        }
        catch (EventRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
    }

    async Task<IActionResult?> LoadFormAsync()
    {
        var denied = await LoadGroupAsync(membersOnly: true);
        if (denied is not null) return denied;
        return MayAnswer ? null : Forbid();
    }
}
