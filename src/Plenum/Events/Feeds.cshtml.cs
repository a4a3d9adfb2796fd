using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Mail;

namespace Plenum.Events;

/// <summary>A person's private calendar feeds: one of all their groups' events, and any of single groups; made, renewed and revoked here.</summary>
public sealed class FeedsModel(UserManager<User> users, PlenumDb db, CalendarFeeds feeds, Mailer mailer) : AccountPageModel(users)
{
    public sealed record GroupFeed(string GroupName, string Slug, CalendarFeedToken Token);

    public CalendarFeedToken? AllGroups { get; private set; }
    public IReadOnlyList<GroupFeed> GroupFeeds { get; private set; } = [];
    public string? NewFeedUrl { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRenewAsync()
    {
        await LoadMeAsync();
        NewFeedUrl = mailer.LinkTo(Request, EventPaths.Feed(await feeds.RenewAsync(Me.Id, null)));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid? group)
    {
        await LoadMeAsync();
        await feeds.RevokeAsync(Me.Id, group);
        TempData["Notice"] = "The feed address is revoked: calendar apps using it get nothing more.";
        return RedirectToPage();
    }

    async Task LoadAsync()
    {
        await LoadMeAsync();
        AllGroups = await feeds.FindAsync(Me.Id, null);
        var groupFeeds = await db.CalendarFeedTokens.Where(t => t.UserId == Me.Id && t.GroupId != null)
            .Join(db.Groups, t => t.GroupId, g => g.Id, (t, g) => new { g.Name, g.Slug, Token = t }).ToListAsync();
        GroupFeeds = [.. groupFeeds.Select(f => new GroupFeed(f.Name, f.Slug, f.Token)).OrderBy(f => f.GroupName)];
    }
}
