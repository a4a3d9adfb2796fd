using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Events;

/// <summary>Making, changing and cancelling events. Any member makes one; its maker or a coordinator changes or cancels it.</summary>
public sealed class EventPlanner(PlenumDb db, RsvpBook rsvps, EventNotices notices, TimeProvider clock)
{
    public static bool MayChange(GroupEvent groupEvent, Membership? membership, bool isInstanceAdmin) =>
        !groupEvent.IsCancelled && (isInstanceAdmin || membership?.Role == GroupRole.Coordinator
            || (membership?.UserId is { } userId && userId == groupEvent.CreatedById));

    public async Task<GroupEvent> CreateAsync(Group group, Guid creatorId, EventDraft draft, CancellationToken cancellationToken = default)
    {
        if (group.IsArchived) throw new EventRuleException("The group is archived.");
        var now = clock.GetUtcNow();
        var groupEvent = new GroupEvent { Id = Guid.NewGuid(), GroupId = group.Id, Title = "", TimeZone = "UTC", CreatedById = creatorId, CreatedAt = now, UpdatedAt = now };
        EventDrafts.Apply(draft, groupEvent);
        if (groupEvent.StartsAt <= now) throw new EventRuleException("The event would start in the past.");
        db.GroupEvents.Add(groupEvent);
        await db.SaveChangesAsync(cancellationToken);
        return groupEvent;
    }

    /// <summary>
    /// Changes an event in one transaction: raises its SEQUENCE, carries a one-off's answers to its new
    /// date, drops answers to dates a series no longer has, reminds again after a change of time, and
    /// fills places that were added.
    /// </summary>
    public async Task UpdateAsync(GroupEvent groupEvent, EventDraft draft, CancellationToken cancellationToken = default)
    {
        if (groupEvent.IsCancelled) throw new EventRuleException("A cancelled event cannot be changed.");
        var wasOneOff = groupEvent.Recurrence is null;
        var movedUp = new List<(Occurrence Occurrence, List<Guid> People)>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await rsvps.HoldAsync(groupEvent.Id, cancellationToken);
            var timing = (groupEvent.StartsAt, groupEvent.EndsAt, groupEvent.Recurrence);
            EventDrafts.Apply(draft, groupEvent);
            groupEvent.Sequence++;
            groupEvent.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var answers = db.Rsvps.Where(r => r.EventId == groupEvent.Id);
            if (wasOneOff && groupEvent.Recurrence is null)
                await answers.ExecuteUpdateAsync(r => r.SetProperty(x => x.OccurrenceDate, FirstDate(groupEvent)), cancellationToken);
            else
            {
                var dates = await answers.Select(r => r.OccurrenceDate).Distinct().ToListAsync(cancellationToken);
                var gone = dates.Where(d => EventSchedule.On(groupEvent, d) is null).ToList();
                await answers.Where(r => gone.Contains(r.OccurrenceDate)).ExecuteDeleteAsync(cancellationToken);
            }
            // A new time deserves a new reminder.
            if (timing != (groupEvent.StartsAt, groupEvent.EndsAt, groupEvent.Recurrence))
                await answers.ExecuteUpdateAsync(r => r.SetProperty(x => x.RemindedAt, (DateTimeOffset?)null), cancellationToken);
            var now = clock.GetUtcNow();
            var waitingDates = await answers.Where(r => r.Answer == RsvpAnswer.Waiting).Select(r => r.OccurrenceDate).Distinct().ToListAsync(cancellationToken);
            foreach (var date in waitingDates)
                if (EventSchedule.On(groupEvent, date) is { } occurrence && occurrence.StartsAt > now)
                    movedUp.Add((occurrence, await rsvps.FillPlacesAsync(groupEvent, date, cancellationToken)));
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var (occurrence, people) in movedUp) await notices.PlaceFreedAsync(groupEvent, occurrence, people, cancellationToken);
    }

    /// <summary>Cancels the whole event and tells everyone who meant to come to a date still ahead (going, maybe or waiting).</summary>
    public async Task CancelAsync(GroupEvent groupEvent, Guid cancelledBy, CancellationToken cancellationToken = default)
    {
        if (groupEvent.IsCancelled) throw new EventRuleException("The event is already cancelled.");
        var now = clock.GetUtcNow();
        (groupEvent.CancelledAt, groupEvent.UpdatedAt) = (now, now);
        groupEvent.Sequence++;
        await db.SaveChangesAsync(cancellationToken);
        var today = EventTimes.ToLocal(now, groupEvent).Date.ToDateOnly();
        var told = await db.Rsvps
            .Where(r => r.EventId == groupEvent.Id && r.OccurrenceDate >= today && r.Answer != RsvpAnswer.NotGoing && r.UserId != cancelledBy)
            .Where(r => db.Memberships.Any(m => m.GroupId == groupEvent.GroupId && m.UserId == r.UserId))
            .Select(r => r.UserId).Distinct().ToListAsync(cancellationToken);
        await notices.CancelledAsync(groupEvent, told, cancellationToken);
    }

    static DateOnly FirstDate(GroupEvent groupEvent) => EventTimes.ToLocal(groupEvent.StartsAt, groupEvent).Date.ToDateOnly();
}
