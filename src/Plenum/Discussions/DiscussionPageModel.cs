using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

/// <summary>
/// Base for pages about one discussion: members only (outsiders get 404, like a closed group),
/// and a discussion id from another group is not found here either.
/// </summary>
public abstract class DiscussionPageModel(PlenumDb db, UserManager<User> users) : GroupPageModel(db, users)
{
    [FromRoute] public Guid Id { get; set; }
    public Discussion Discussion { get; private set; } = null!;
    /// <summary>Instance admins may read a group's discussions to moderate, but only members write in them.</summary>
    public bool MayWrite => IsMember && !Group.IsArchived;
    public string ThreadLink => $"/groups/{Group.Slug}/discussions/{Discussion.Id}";

    protected async Task<IActionResult?> LoadDiscussionAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        var discussion = await Db.Discussions.Include(d => d.Author).FirstOrDefaultAsync(d => d.Id == Id && d.GroupId == Group.Id);
        if (discussion is null) return NotFound();
        Discussion = discussion;
        return null;
    }
}
