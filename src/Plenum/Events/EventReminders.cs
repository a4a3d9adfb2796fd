using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Infrastructure;
using Plenum.Privacy;

namespace Plenum.Events;

/// <summary>
/// Some hours before each date of an event (PlenumOptions.EventReminderHours, 24 by default), reminds
/// those who answered going or maybe, once per date: the answer records that its reminder went out.
/// </summary>
public sealed class EventReminders(EventNotices notices, PlenumOptions options) : IHousekeepingJob
{
    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var horizon = now + TimeSpan.FromHours(options.EventReminderHours);
        var soon = await db.GroupEvents
            .Where(e => e.CancelledAt == null && e.StartsAt <= horizon && (e.LastEndsAt == null || e.LastEndsAt > now))
            .ToListAsync(cancellationToken);
        foreach (var groupEvent in soon)
            foreach (var occurrence in EventSchedule.Between(groupEvent, now, horizon).Where(o => o.StartsAt > now))
            {
                var due = await db.Rsvps
                    .Where(r => r.EventId == groupEvent.Id && r.OccurrenceDate == occurrence.Date && r.RemindedAt == null
                        && (r.Answer == RsvpAnswer.Going || r.Answer == RsvpAnswer.Maybe))
                    .ToListAsync(cancellationToken);
                if (due.Count == 0) continue;
                foreach (var rsvp in due) rsvp.RemindedAt = now;
                // Marked before sending: a reminder that fails is not repeated every five minutes.
                await db.SaveChangesAsync(cancellationToken);
                await notices.ReminderAsync(groupEvent, occurrence, [.. due.Select(r => r.UserId)], cancellationToken);
            }
    }
}
