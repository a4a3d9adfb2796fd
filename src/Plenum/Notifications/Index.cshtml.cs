using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Notifications;

/// <summary>A person's notices, newest first, thirty to a page; and marking them all read.</summary>
[Authorize]
public sealed class IndexModel(PlenumDb db, UserManager<User> users, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public sealed record Row(string Text, string? Link, DateTimeOffset CreatedAt, bool Unread);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public bool HasNext { get; private set; }

    Guid Me => Guid.Parse(users.GetUserId(User)!);

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var me = Me;
        var page = await db.Notifications.Where(n => n.UserId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Join(db.Groups, n => n.GroupId, g => g.Id, (n, g) => new { n.Text, n.DecisionId, n.EventId, g.Slug, n.CreatedAt, n.ReadAt })
            .ToListAsync();
        HasNext = page.Count > PageSize;
        Rows = [.. page.Take(PageSize).Select(n => new Row(n.Text,
            n.DecisionId is { } id ? $"/groups/{n.Slug}/decisions/{id}" : n.EventId is { } eventId ? $"/groups/{n.Slug}/events/{eventId}" : $"/groups/{n.Slug}",
            n.CreatedAt, n.ReadAt is null))];
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync()
    {
        var me = Me;
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now));
        TempData["Notice"] = "All notifications are marked read.";
        return RedirectToPage();
    }
}
