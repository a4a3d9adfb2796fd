using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Discussions;
using Plenum.Mail;

namespace Plenum.Events;

/// <summary>A group's events date by date: what is coming up, and separately what is past; and the member's private feed of them.</summary>
public sealed class IndexModel(PlenumDb db, UserManager<User> users, CalendarFeeds feeds, Mailer mailer, TimeProvider clock) : EventPageModel(db, users)
{
    public const int PageSize = 20;
    /// <summary>How far ahead series are listed date by date.</summary>
    static readonly TimeSpan Ahead = TimeSpan.FromDays(366);
    /// <summary>How far back past dates are listed (retention deletes what is older soon after).</summary>
    static readonly TimeSpan Back = TimeSpan.FromDays(90);

    [FromQuery(Name = "page")] public int? ComingPage { get; set; }
    [FromQuery(Name = "past")] public int? PastPage { get; set; }
    public Paging ComingPaging { get; private set; } = Paging.Of(1, PageSize, 0);
    public Paging PastPaging { get; private set; } = Paging.Of(1, PageSize, 0);
    public IReadOnlyList<EventDate> Coming { get; private set; } = [];
    public IReadOnlyList<EventDate> Past { get; private set; } = [];
    public CalendarFeedToken? Feed { get; private set; }
    /// <summary>A feed address just made: shown this once.</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadGroupAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostFeedAsync()
    {
        var denied = await LoadGroupAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!MayAnswer) return Forbid();
        NewFeedUrl = mailer.LinkTo(Request, EventPaths.Feed(await feeds.RenewAsync(Me!.Id, Group.Id)));
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostStopFeedAsync()
    {
        var denied = await LoadGroupAsync(membersOnly: true);
        if (denied is not null) return denied;
        await feeds.RevokeAsync(Me!.Id, Group.Id);
        TempData["Notice"] = "The feed address is revoked: calendar apps using it get nothing more.";
        return Redirect($"{EventPaths.List(Group)}#feed");
    }

    async Task<IActionResult> ShowAsync()
    {
        var now = clock.GetUtcNow();
        var events = await Db.GroupEvents.Where(e => e.GroupId == Group.Id && (e.LastEndsAt == null || e.LastEndsAt > now - Back))
            .OrderBy(e => e.StartsAt).ToListAsync();
        var coming = events.SelectMany(e => EventSchedule.Between(e, now, now + Ahead).Select(o => (Event: e, Occurrence: o)))
            .OrderBy(d => d.Occurrence.StartsAt).ToList();
        var past = events.Where(e => e.StartsAt < now)
            .SelectMany(e => EventSchedule.Between(e, now - Back, now).Where(o => o.EndsAt <= now).Select(o => (Event: e, Occurrence: o)))
            .OrderByDescending(d => d.Occurrence.StartsAt).ToList();
        ComingPaging = Paging.Of(ComingPage, PageSize, coming.Count);
        PastPaging = Paging.Of(PastPage, PageSize, past.Count);
        var shown = coming.Skip(ComingPaging.Skip).Take(PageSize).ToList();
        var shownPast = past.Skip(PastPaging.Skip).Take(PageSize).ToList();
        var ids = shown.Concat(shownPast).Select(d => d.Event.Id).Distinct().ToList();
        var me = Me!.Id;
        var answers = await Db.Rsvps.Where(r => ids.Contains(r.EventId) && (r.Answer == RsvpAnswer.Going || r.Answer == RsvpAnswer.Waiting || r.UserId == me))
            .Select(r => new { r.EventId, r.OccurrenceDate, r.Answer, r.UserId }).ToListAsync();
        var byDate = answers.ToLookup(a => (a.EventId, a.OccurrenceDate));
        EventDate View((GroupEvent Event, Occurrence Occurrence) d)
        {
            var these = byDate[(d.Event.Id, d.Occurrence.Date)].ToList();
            return new EventDate(d.Event, d.Occurrence, these.Count(a => a.Answer == RsvpAnswer.Going), 0,
                these.Count(a => a.Answer == RsvpAnswer.Waiting), these.FirstOrDefault(a => a.UserId == me)?.Answer);
        }
        Coming = [.. shown.Select(View)];
        Past = [.. shownPast.Select(View)];
        if (MayAnswer) Feed = await feeds.FindAsync(me, Group.Id);
        return Page();
    }
}
