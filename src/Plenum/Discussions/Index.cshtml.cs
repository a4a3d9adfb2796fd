using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

public sealed class IndexModel(PlenumDb db, UserManager<User> users) : GroupPageModel(db, users)
{
    public Paging Paging { get; private set; } = Paging.Of(1, DiscussionSummary.PageSize, 0);
    public List<DiscussionSummary> Discussions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        (Paging, Discussions) = await DiscussionSummary.PageAsync(Db, Group.Id, page);
        return Page();
    }
}
