using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Events;

/// <summary>One event: what, when, where; and per date the answers, with names for members and counts for others.</summary>
public sealed class ShowModel(PlenumDb db, UserManager<User> users, RsvpBook rsvps, TimeProvider clock) : EventPageModel(db, users)
{
    public const int DatesPerPage = 6;

    public sealed record Names(IReadOnlyList<string> Going, IReadOnlyList<string> Maybe, IReadOnlyList<string> Waiting);

    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "dates")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<EventDate> Dates { get; private set; } = [];
    /// <summary>Who answered what, per date: only for members, who know each other.</summary>
    public IReadOnlyDictionary<DateOnly, Names> People { get; private set; } = new Dictionary<DateOnly, Names>();
    public bool HasLater { get; private set; }
    public RecurrenceChoice Recurrence { get; private set; } = RecurrenceChoice.Never;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadEventAsync(Id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAnswerAsync(DateOnly date, RsvpAnswer answer)
    {
        var denied = await LoadEventAsync(Id);
        if (denied is not null) return denied;
        if (!MayAnswer) return Forbid();
        try
        {
            var stored = await rsvps.AnswerAsync(Event, Me!.Id, date, answer);
            TempData["Notice"] = stored.Answer switch
            {
                RsvpAnswer.Going => "You are going.",
                RsvpAnswer.Waiting => "All places are taken, so you are on the waiting list. You move up by yourself when a place frees, and are told.",
                _ => $"Your answer is saved: {EventText.Answer(stored.Answer)}.",
            };
        }
        catch (EventRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        return Redirect($"{EventPaths.Of(Group, Id)}{(PageNumber > 1 ? $"?dates={PageNumber}" : "")}#date-{date:yyyy-MM-dd}");
    }

    async Task<IActionResult> ShowAsync()
    {
        Now = clock.GetUtcNow();
        PageNumber = Math.Max(1, PageNumber);
        Recurrence = EventRecurrence.Read(Event.Recurrence, EventTimes.ZoneOf(Event));
        // A one-off shows its date also once over; a series shows the dates still ahead.
        var from = Event.Recurrence is null ? Event.StartsAt : Now;
        var occurrences = EventSchedule.Between(Event, from, DateTimeOffset.MaxValue)
            .Skip((PageNumber - 1) * DatesPerPage).Take(DatesPerPage + 1).ToList();
        HasLater = occurrences.Count > DatesPerPage;
        occurrences = occurrences.Take(DatesPerPage).ToList();
        var dates = occurrences.Select(o => o.Date).ToList();
        var answers = await Db.Rsvps.Where(r => r.EventId == Id && dates.Contains(r.OccurrenceDate))
            .Join(Db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OccurrenceDate, r.Answer, r.AnsweredAt, r.WaitingNumber, r.UserId, u.UserName })
            .ToListAsync();
        var byDate = answers.OrderBy(a => a.WaitingNumber).ThenBy(a => a.AnsweredAt).ThenBy(a => a.UserName).ToLookup(a => a.OccurrenceDate);
        Dates = [.. occurrences.Select(o => new EventDate(Event, o,
            byDate[o.Date].Count(a => a.Answer == RsvpAnswer.Going), byDate[o.Date].Count(a => a.Answer == RsvpAnswer.Maybe),
            byDate[o.Date].Count(a => a.Answer == RsvpAnswer.Waiting), byDate[o.Date].FirstOrDefault(a => a.UserId == Me!.Id)?.Answer))];
        if (IsMember)
            People = occurrences.ToDictionary(o => o.Date, o => new Names(
                [.. byDate[o.Date].Where(a => a.Answer == RsvpAnswer.Going).Select(a => a.UserName ?? "")],
                [.. byDate[o.Date].Where(a => a.Answer == RsvpAnswer.Maybe).Select(a => a.UserName ?? "")],
                [.. byDate[o.Date].Where(a => a.Answer == RsvpAnswer.Waiting).Select(a => a.UserName ?? "")]));
        return Page();
    }
}
