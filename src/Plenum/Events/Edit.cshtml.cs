using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Events;

/// <summary>Changing or cancelling an event: its maker or a coordinator.</summary>
public sealed class EditModel(PlenumDb db, UserManager<User> users, EventPlanner planner) : EventPageModel(db, users)
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public EventForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadChangeableAsync();
        if (denied is not null) return denied;
        Form = EventForm.From(EventDrafts.From(Event));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadChangeableAsync();
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        try
        {
            await planner.UpdateAsync(Event, Form.ToDraft());
        }
        catch (EventRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
        TempData["Notice"] = "The event is changed.";
        return Redirect(EventPaths.Of(Group, Id));
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        var denied = await LoadChangeableAsync();
        if (denied is not null) return denied;
        await planner.CancelAsync(Event, Me!.Id);
        TempData["Notice"] = "The event is cancelled, and those who meant to come are told.";
        return Redirect(EventPaths.Of(Group, Id));
    }

    async Task<IActionResult?> LoadChangeableAsync()
    {
        var denied = await LoadEventAsync(Id);
        if (denied is not null) return denied;
        return MayChange ? null : Forbid();
    }
}
