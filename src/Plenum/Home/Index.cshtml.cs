using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Home;

public sealed class IndexModel(PlenumDb db, Microsoft.AspNetCore.Identity.UserManager<User> users) : PageModel
{
    public User? Me { get; private set; }
    public List<Membership> MyGroups { get; private set; } = [];
    public List<Group> Joinable { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Me = await users.GetUserAsync(User);
        if (Me is null) return;
        MyGroups = await db.Memberships.Where(m => m.UserId == Me.Id).Include(m => m.Group)
            .OrderBy(m => m.Group.ArchivedAt != null).ThenBy(m => m.Group.Name).ToListAsync();
        var mine = MyGroups.Select(m => m.GroupId).ToList();
        Joinable = await db.Groups
            .Where(g => g.ArchivedAt == null && g.Kind != GroupKind.AffinityGroup && g.JoinPolicy != JoinPolicy.InviteOnly && !mine.Contains(g.Id))
            .OrderBy(g => g.Name).Take(50).ToListAsync();
    }
}
