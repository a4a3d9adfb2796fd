using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>The group's rulebook as in force, and its earlier versions.</summary>
public sealed class RulebookPageModel(PlenumDb db, UserManager<User> users) : GroupPageModel(db, users)
{
    public IReadOnlyList<Rulebook> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        Versions = await Db.Rulebooks.Where(r => r.GroupId == Group.Id).OrderByDescending(r => r.Version).ToListAsync();
        return Page();
    }
}
