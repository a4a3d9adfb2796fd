using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Groups;

public sealed class SettingsModel(PlenumDb db, UserManager<User> users, TimeProvider clock) : GroupPageModel(db, users)
{
    [BindProperty] public GroupForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await AllowedAsync();
        if (denied is not null) return denied;
        Form = GroupForm.From(Group);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await AllowedAsync();
        if (denied is not null) return denied;
        ModelState.AddRuleErrors(Form, clock.GetUtcNow());
        if (!ModelState.IsValid) return Page();
        Form.ApplyTo(Group);
        Db.GroupLog.Add(new GroupLogEntry { Id = Guid.NewGuid(), GroupId = Group.Id, ActorId = Me!.Id, Action = "changed the settings", At = clock.GetUtcNow() });
        await Db.SaveChangesAsync();
        TempData["Notice"] = "Settings saved.";
        return Redirect($"/groups/{Group.Slug}");
    }

    async Task<IActionResult?> AllowedAsync() => await LoadAsync(membersOnly: true) ?? (IsCoordinator ? null : Forbid());
}
