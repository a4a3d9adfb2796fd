using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Groups;

[Authorize]
public sealed class NewModel(PlenumDb db, UserManager<User> users, GroupMembership membership, TimeProvider clock) : PageModel
{
    [BindProperty] public GroupForm Form { get; set; } = new();
    public List<Group> Parents { get; private set; } = [];

    public async Task OnGetAsync() => await LoadParentsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        await LoadParentsAsync();
        ModelState.AddRuleErrors(Form, clock.GetUtcNow());
        var parent = Parents.FirstOrDefault(p => p.Slug == Form.Parent);
        if (!string.IsNullOrEmpty(Form.Parent) && parent is null)
            ModelState.AddModelError("Form.Parent", "You can only create a group inside a group you belong to.");
        if (!ModelState.IsValid) return Page();
        var group = await membership.CreateGroupAsync(me, Form.ToGroup(parent?.Id));
        TempData["Notice"] = "Group created. Invite people with a link.";
        return Redirect($"/groups/{group.Slug}");
    }

    async Task LoadParentsAsync()
    {
        var me = await users.GetUserAsync(User);
        Parents = me is null ? [] : await db.Memberships.Where(m => m.UserId == me.Id && m.Group.ArchivedAt == null)
            .Select(m => m.Group).OrderBy(g => g.Name).ToListAsync();
    }
}
