using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Assemblies;

/// <summary>
/// Running a meeting: the agenda, check-in, the speakers' queue (with an optional progressive
/// stack) and hand signals. The facilitator (or a coordinator) steers; anyone present takes part.
/// </summary>
public sealed class MeetingRoom(PlenumDb db, MeetingUpdates updates, TimeProvider clock)
{
    public static bool MayFacilitate(Meeting meeting, Membership? member) =>
        member is not null && (member.Role == GroupRole.Coordinator || member.UserId == meeting.FacilitatorId);

    public async Task<Meeting> ScheduleAsync(Group group, Membership organiser, string title, DateTimeOffset startsAt, MeetingMode mode, string? place, string? link,
        IReadOnlyList<string> agenda, CancellationToken cancellationToken = default)
    {
        if (title.Trim().Length is < 3 or > 200) throw new GroupRuleException("Give the meeting a title of 3 to 200 characters.");
        if (mode != MeetingMode.Online && string.IsNullOrWhiteSpace(place)) throw new GroupRuleException("Say where the meeting is.");
        if (group.IsArchived) throw new GroupRuleException("The group is archived: it holds no more meetings.");
        if (mode != MeetingMode.InPerson)
        {
            if (!Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var address)) throw new GroupRuleException("Give the online meeting's full link.");
            // Members open it from the meeting page: only a web address, never a script or a local file.
            if (address.Scheme is not ("https" or "http")) throw new GroupRuleException("The online link must start with https:// (or http://).");
        }
        if (agenda.Count > 50 || agenda.Any(a => a.Length > 200)) throw new GroupRuleException("An agenda has at most 50 items of up to 200 characters.");
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(), GroupId = group.Id, Title = title.Trim(), StartsAt = startsAt, Mode = mode,
            Place = mode == MeetingMode.Online ? null : place?.Trim(), OnlineLink = mode == MeetingMode.InPerson ? null : link?.Trim(),
            FacilitatorId = organiser.UserId, CreatedAt = clock.GetUtcNow(),
        };
        meeting.Items = [.. agenda.Select((item, i) => new AgendaItem { Id = Guid.NewGuid(), MeetingId = meeting.Id, Position = i + 1, Title = item.Trim() })];
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task CheckInAsync(Meeting meeting, Membership member, bool present, CancellationToken cancellationToken = default)
    {
        if (meeting.Status == MeetingStatus.Ended) throw new GroupRuleException("The meeting has ended.");
        var userId = member.UserId ?? throw new GroupRuleException("Only people check in.");
        var here = await db.Attendances.AnyAsync(a => a.MeetingId == meeting.Id && a.UserId == userId, cancellationToken);
        if (present && !here) db.Attendances.Add(new Attendance { MeetingId = meeting.Id, UserId = userId, CheckedInAt = clock.GetUtcNow() });
        if (!present && here) await db.Attendances.Where(a => a.MeetingId == meeting.Id && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (present)
        {
            // A double tap checked in twice at once: the first one counts.
            db.ChangeTracker.Clear();
            if (!await db.Attendances.AnyAsync(a => a.MeetingId == meeting.Id && a.UserId == userId, cancellationToken)) throw;
        }
        updates.Changed(meeting.Id);
    }

    /// <summary>Moves the meeting to an item (starting it if needed); the queue and hand signals are per item.</summary>
    public async Task GoToItemAsync(Meeting meeting, Membership facilitator, Guid itemId, CancellationToken cancellationToken = default)
    {
        RequireFacilitator(meeting, facilitator);
        if (meeting.Status == MeetingStatus.Ended) throw new GroupRuleException("The meeting has ended.");
        if (!await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.MeetingId == meeting.Id, cancellationToken)) throw new GroupRuleException("No such agenda item.");
        (meeting.CurrentItemId, meeting.Status) = (itemId, MeetingStatus.Live);
        await db.SaveChangesAsync(cancellationToken);
        updates.Changed(meeting.Id);
    }

    public async Task EndAsync(Meeting meeting, Membership facilitator, CancellationToken cancellationToken = default)
    {
        RequireFacilitator(meeting, facilitator);
        (meeting.Status, meeting.CurrentItemId) = (MeetingStatus.Ended, null);
        await db.SaveChangesAsync(cancellationToken);
        updates.Changed(meeting.Id);
    }

    public async Task JoinQueueAsync(Meeting meeting, Membership member, bool joining, CancellationToken cancellationToken = default)
    {
        var itemId = CurrentItem(meeting);
        var userId = member.UserId ?? throw new GroupRuleException("Only people speak.");
        var waiting = await db.SpeakerSlots.FirstOrDefaultAsync(s => s.ItemId == itemId && s.UserId == userId && s.SpokeAt == null, cancellationToken);
        if (joining && waiting is null)
        {
            var queue = await QueueAsync(meeting, cancellationToken);
            var slot = new SpeakerSlot { Id = Guid.NewGuid(), MeetingId = meeting.Id, ItemId = itemId, UserId = userId, JoinedAt = clock.GetUtcNow() };
            // Progressive stack: a first-time speaker goes ahead of everyone waiting who has spoken already; the facilitator can still reorder.
            var spoke = await db.SpeakerSlots.Where(s => s.ItemId == itemId && s.SpokeAt != null).Select(s => s.UserId).ToListAsync(cancellationToken);
            var place = meeting.ProgressiveStack && !spoke.Contains(userId) ? queue.FindIndex(s => spoke.Contains(s.UserId)) : -1;
            queue.Insert(place < 0 ? queue.Count : place, slot);
            for (var i = 0; i < queue.Count; i++) queue[i].Order = i + 1;
            db.SpeakerSlots.Add(slot);
        }
        if (!joining && waiting is not null) db.SpeakerSlots.Remove(waiting);
        await db.SaveChangesAsync(cancellationToken);
        updates.Changed(meeting.Id);
    }

    /// <summary>The facilitator moves someone up or down the queue, or marks the current speaker done.</summary>
    public async Task MoveAsync(Meeting meeting, Membership facilitator, Guid slotId, int by, CancellationToken cancellationToken = default)
    {
        RequireFacilitator(meeting, facilitator);
        var queue = await QueueAsync(meeting, cancellationToken);
        var index = queue.FindIndex(s => s.Id == slotId);
        if (index < 0) throw new GroupRuleException("That person is no longer waiting to speak.");
        var target = Math.Clamp(index + by, 0, queue.Count - 1);
        var moved = queue[index];
        queue.RemoveAt(index);
        queue.Insert(target, moved);
        for (var i = 0; i < queue.Count; i++) queue[i].Order = i + 1;
        await db.SaveChangesAsync(cancellationToken);
        updates.Changed(meeting.Id);
    }

    public async Task DoneSpeakingAsync(Meeting meeting, Membership facilitator, Guid slotId, CancellationToken cancellationToken = default)
    {
        RequireFacilitator(meeting, facilitator);
        var slot = await db.SpeakerSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.MeetingId == meeting.Id, cancellationToken)
            ?? throw new GroupRuleException("That person is no longer waiting to speak.");
        slot.SpokeAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        updates.Changed(meeting.Id);
    }

    /// <summary>Who speaks next, in the queue's order (see <see cref="JoinQueueAsync"/> for the progressive stack).</summary>
    public async Task<List<SpeakerSlot>> QueueAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        if (meeting.CurrentItemId is not { } itemId) return [];
        return await db.SpeakerSlots.Include(s => s.User).Where(s => s.ItemId == itemId && s.SpokeAt == null)
            .OrderBy(s => s.Order).ThenBy(s => s.JoinedAt).ToListAsync(cancellationToken);
    }

    public async Task SignalAsync(Meeting meeting, Membership member, Signal signal, CancellationToken cancellationToken = default)
    {
        var itemId = CurrentItem(meeting);
        var userId = member.UserId ?? throw new GroupRuleException("Only people give hand signals.");
        var given = await db.HandSignals.FirstOrDefaultAsync(h => h.ItemId == itemId && h.UserId == userId, cancellationToken);
        if (given is null) db.HandSignals.Add(new HandSignal { MeetingId = meeting.Id, ItemId = itemId, UserId = userId, Signal = signal, At = clock.GetUtcNow() });
        else (given.Signal, given.At) = (signal, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (given is null)
        {
            // Two taps at once: the signal was given by the other; this one changes it to what was tapped.
            db.ChangeTracker.Clear();
            if (!await db.HandSignals.AnyAsync(h => h.ItemId == itemId && h.UserId == userId, cancellationToken)) throw;
            await db.HandSignals.Where(h => h.ItemId == itemId && h.UserId == userId)
                .ExecuteUpdateAsync(h => h.SetProperty(x => x.Signal, signal).SetProperty(x => x.At, clock.GetUtcNow()), cancellationToken);
        }
        var counts = await db.HandSignals.Where(h => h.ItemId == itemId).GroupBy(h => h.Signal)
            .Select(g => new { Signal = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        updates.SignalsChanged(meeting.Id, itemId, counts.ToDictionary(c => c.Signal.ToString(), c => c.Count));
    }

    /// <summary>The note-taker (or the facilitator) writes the notes of an item.</summary>
    public async Task WriteNotesAsync(Meeting meeting, Membership writer, Guid itemId, string? notes, CancellationToken cancellationToken = default)
    {
        if (writer.UserId != meeting.NoteTakerId && !MayFacilitate(meeting, writer)) throw new GroupRuleException("The note-taker writes the minutes.");
        if (notes is { Length: > 20_000 }) throw new GroupRuleException("Notes of one item have at most 20,000 characters.");
        // The group votes on the minutes as written: once they are put to it, they stay as they are.
        if (meeting.MinutesDecisionId is { } approval
            && await db.Decisions.AnyAsync(d => d.Id == approval && (d.Status == Decisions.DecisionStatus.Open || d.Result == Counting.Proposals.ProposalResult.Passed), cancellationToken))
            throw new GroupRuleException("The minutes are put to the group or approved already: their notes no longer change.");
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meeting.Id, cancellationToken) ?? throw new GroupRuleException("No such agenda item.");
        item.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        await db.SaveChangesAsync(cancellationToken);
        updates.Changed(meeting.Id);
    }

    public async Task SetRolesAsync(Meeting meeting, Membership facilitator, Guid? newFacilitator, Guid? noteTaker, CancellationToken cancellationToken = default)
    {
        RequireFacilitator(meeting, facilitator);
        foreach (var person in new[] { newFacilitator, noteTaker }.OfType<Guid>())
            if (!await db.Memberships.AnyAsync(m => m.GroupId == meeting.GroupId && m.UserId == person, cancellationToken))
                throw new GroupRuleException("Meeting roles go to members of the group.");
        (meeting.FacilitatorId, meeting.NoteTakerId) = (newFacilitator ?? meeting.FacilitatorId, noteTaker);
        await db.SaveChangesAsync(cancellationToken);
        updates.Changed(meeting.Id);
    }

    static Guid CurrentItem(Meeting meeting) =>
        meeting.Status == MeetingStatus.Live && meeting.CurrentItemId is { } id ? id : throw new GroupRuleException("The meeting is not on an agenda item right now.");

    static void RequireFacilitator(Meeting meeting, Membership member)
    {
        if (!MayFacilitate(meeting, member)) throw new GroupRuleException("Only the facilitator (or a coordinator) steers the meeting.");
    }
}
