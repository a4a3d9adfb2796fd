using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Notifications.Push;

namespace Plenum.Notifications;

/// <summary>A person's notices, newest first, thirty to a page; marking them all read; and the browsers they get push notices in.</summary>
[Authorize]
public sealed class IndexModel(PlenumDb db, UserManager<User> users, TimeProvider clock, PushSubscriptions push, VapidKeys vapid) : PageModel
{
    public const int PageSize = 30;

    public sealed record Row(string Text, string? Link, DateTimeOffset CreatedAt, bool Unread);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public bool HasNext { get; private set; }
    public IReadOnlyList<PushSubscriptions.Row> PushBrowsers { get; private set; } = [];
    /// <summary>What a browser subscribes with, so that only this instance can push to it.</summary>
    public string PushKey => vapid.PublicKey;

    Guid Me => Guid.Parse(users.GetUserId(User)!);

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var me = Me;
        var page = await db.Notifications.Where(n => n.UserId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Join(db.Groups, n => n.GroupId, g => g.Id, (n, g) => new { n.Text, n.DecisionId, n.EventId, n.Path, g.Slug, n.CreatedAt, n.ReadAt })
            .ToListAsync();
        HasNext = page.Count > PageSize;
        Rows = [.. page.Take(PageSize).Select(n => new Row(n.Text,
            n.Path ?? (n.DecisionId is { } id ? $"/groups/{n.Slug}/decisions/{id}" : n.EventId is { } eventId ? $"/groups/{n.Slug}/events/{eventId}" : $"/groups/{n.Slug}"),
            n.CreatedAt, n.ReadAt is null))];
        PushBrowsers = await push.ListAsync(me);
    }

    /// <summary>The subscription this browser's script obtained (push needs JavaScript), posted through the page's form.</summary>
    public async Task<IActionResult> OnPostPushSubscribeAsync(string? endpoint, string? p256dh, string? auth)
    {
        var refusal = await push.AddAsync(Me, endpoint, p256dh, auth);
        TempData["Notice"] = refusal ?? "Push notifications are on in this browser.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPushRemoveAsync(Guid id)
    {
        if (await push.RemoveAsync(Me, id) > 0) TempData["Notice"] = "That browser gets no more push notifications.";
        return RedirectToPage();
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
