using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Events;

/// <summary>
/// Answers to events, one per member and date. Each answer is one transaction that holds the event, so
/// two people cannot both take the last place: capacity is never exceeded, and when a place frees the
/// waiting list moves up in the same transaction, first come first served.
/// </summary>
public sealed class RsvpBook(PlenumDb db, EventNotices notices, TimeProvider clock)
{
    public async Task<Rsvp> AnswerAsync(GroupEvent groupEvent, Guid userId, DateOnly date, RsvpAnswer answer, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(answer)) throw new EventRuleException("Answer going, maybe or not going.");
        if (groupEvent.IsCancelled) throw new EventRuleException("This event is cancelled.");
        var occurrence = EventSchedule.On(groupEvent, date) ?? throw new EventRuleException("The event does not take place on that day.");
        if (occurrence.StartsAt <= clock.GetUtcNow()) throw new EventRuleException("This date has begun or passed, so answers are closed.");
        Rsvp mine;
        List<Guid> movedUp = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await HoldAsync(groupEvent.Id, cancellationToken);
            var existing = await db.Rsvps.FirstOrDefaultAsync(r => r.EventId == groupEvent.Id && r.OccurrenceDate == date && r.UserId == userId, cancellationToken);
            var previous = existing?.Answer;
            var stored = await SeatAsync(groupEvent, date, previous, answer, cancellationToken);
            var now = clock.GetUtcNow();
            if (existing is null)
            {
                mine = new Rsvp { Id = Guid.NewGuid(), EventId = groupEvent.Id, OccurrenceDate = date, UserId = userId, Answer = stored, AnsweredAt = now };
                db.Rsvps.Add(mine);
            }
            else mine = existing;
            // Answering the same again keeps one's place in the waiting list.
            if (previous != stored)
            {
                (mine.Answer, mine.AnsweredAt) = (stored, now);
                mine.WaitingNumber = stored == RsvpAnswer.Waiting ? await NextWaitingNumberAsync(groupEvent.Id, date, cancellationToken) : null;
            }
            await SaveOrRefuseAsync(cancellationToken);
            if (previous == RsvpAnswer.Going && stored != RsvpAnswer.Going) movedUp = await FillPlacesAsync(groupEvent, date, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await notices.PlaceFreedAsync(groupEvent, occurrence, movedUp, cancellationToken);
        return mine;
    }

    /// <summary>Someone who leaves the group gives up their answers to its events; the places they held go to the waiting lists.</summary>
    public async Task WithdrawAsync(Guid groupId, Guid userId, CancellationToken cancellationToken = default)
    {
        var movedUp = new List<(GroupEvent Event, Occurrence Occurrence, List<Guid> People)>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var theirs = await db.Rsvps.Where(r => r.UserId == userId && db.GroupEvents.Any(e => e.Id == r.EventId && e.GroupId == groupId))
                .ToListAsync(cancellationToken);
            db.Rsvps.RemoveRange(theirs);
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var place in theirs.Where(r => r.Answer == RsvpAnswer.Going))
            {
                await HoldAsync(place.EventId, cancellationToken);
                var groupEvent = await db.GroupEvents.SingleAsync(e => e.Id == place.EventId, cancellationToken);
                if (groupEvent.IsCancelled || EventSchedule.On(groupEvent, place.OccurrenceDate) is not { } occurrence || occurrence.StartsAt <= now) continue;
                movedUp.Add((groupEvent, occurrence, await FillPlacesAsync(groupEvent, place.OccurrenceDate, cancellationToken)));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var (groupEvent, occurrence, people) in movedUp) await notices.PlaceFreedAsync(groupEvent, occurrence, people, cancellationToken);
    }

    /// <summary>
    /// Moves people up from the waiting list while there are free places (after someone stops going, or
    /// the places were raised); returns who moved up. Runs inside the caller's transaction, with the event held.
    /// </summary>
    public async Task<List<Guid>> FillPlacesAsync(GroupEvent groupEvent, DateOnly date, CancellationToken cancellationToken)
    {
        var waiting = db.Rsvps.Where(r => r.EventId == groupEvent.Id && r.OccurrenceDate == date && r.Answer == RsvpAnswer.Waiting)
            .OrderBy(r => r.WaitingNumber);
        var free = groupEvent.Capacity is { } capacity ? capacity - await GoingAsync(groupEvent.Id, date, cancellationToken) : int.MaxValue;
        if (free <= 0) return [];
        var movingUp = await waiting.Take(free).ToListAsync(cancellationToken);
        foreach (var rsvp in movingUp) (rsvp.Answer, rsvp.WaitingNumber) = (RsvpAnswer.Going, null);
        await db.SaveChangesAsync(cancellationToken);
        return [.. movingUp.Select(r => r.UserId)];
    }

    /// <summary>
    /// Answers on one event take turns. SQLite lets one writing transaction in at a time already;
    /// PostgreSQL locks the event's row until the transaction ends.
    /// </summary>
    public async Task HoldAsync(Guid eventId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"GroupEvents\" WHERE \"Id\" = {eventId} FOR UPDATE", cancellationToken);
    }

    /// <summary>What is stored for an answer: "going" only while a place is free (refused otherwise), "waiting" becomes "going" when one is.</summary>
    async Task<RsvpAnswer> SeatAsync(GroupEvent groupEvent, DateOnly date, RsvpAnswer? current, RsvpAnswer wanted, CancellationToken cancellationToken)
    {
        if (wanted is not (RsvpAnswer.Going or RsvpAnswer.Waiting)) return wanted;
        // Someone going keeps their place.
        if (current == RsvpAnswer.Going) return RsvpAnswer.Going;
        if (groupEvent.Capacity is not { } capacity || await GoingAsync(groupEvent.Id, date, cancellationToken) < capacity) return RsvpAnswer.Going;
        if (wanted == RsvpAnswer.Waiting || current == RsvpAnswer.Waiting) return RsvpAnswer.Waiting;
        throw new EventRuleException($"All {capacity} places are taken. Join the waiting list: you move up by yourself when a place frees, and are told.");
    }

    async Task<int> NextWaitingNumberAsync(Guid eventId, DateOnly date, CancellationToken cancellationToken) =>
        (await db.Rsvps.Where(r => r.EventId == eventId && r.OccurrenceDate == date).MaxAsync(r => r.WaitingNumber, cancellationToken) ?? 0) + 1;

    Task<int> GoingAsync(Guid eventId, DateOnly date, CancellationToken cancellationToken) =>
        db.Rsvps.CountAsync(r => r.EventId == eventId && r.OccurrenceDate == date && r.Answer == RsvpAnswer.Going, cancellationToken);

    /// <summary>A second answer racing the first from another window hits the unique key: the first stands.</summary>
    async Task SaveOrRefuseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new EventRuleException("Your answer was being saved from another window; reload to see it.");
        }
    }
}
