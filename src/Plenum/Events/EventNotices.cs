using Plenum.Groups;
using Plenum.Notifications;

namespace Plenum.Events;

/// <summary>
/// Notices about events, through <see cref="Notifier"/> (in the app, and by mail as each member's volume
/// for the group allows). They name the group, the title and the time, never the place or the link.
/// </summary>
public sealed class EventNotices(Notifier notifier)
{
    public Task ReminderAsync(GroupEvent groupEvent, Occurrence occurrence, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Send(groupEvent, NotificationKind.EventReminder, userIds, group => $"{group.Name}: \"{groupEvent.Title}\" is on {When(groupEvent, occurrence)}", cancellationToken);

    public Task CancelledAsync(GroupEvent groupEvent, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Send(groupEvent, NotificationKind.EventCancelled, userIds, group => $"{group.Name}: \"{groupEvent.Title}\" is cancelled", cancellationToken);

    public Task PlaceFreedAsync(GroupEvent groupEvent, Occurrence occurrence, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Send(groupEvent, NotificationKind.EventPlaceFreed, userIds,
            group => $"{group.Name}: a place freed up and you are going to \"{groupEvent.Title}\" on {When(groupEvent, occurrence)}", cancellationToken);

    Task Send(GroupEvent groupEvent, NotificationKind kind, IReadOnlyCollection<Guid> userIds, Func<Group, string> describe, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? Task.CompletedTask : notifier.EventNoticeAsync(groupEvent, kind, describe, userIds, cancellationToken);

    static string When(GroupEvent groupEvent, Occurrence occurrence) =>
        $"{EventTimes.Show(EventTimes.ToLocal(occurrence.StartsAt, groupEvent))} ({groupEvent.TimeZone})";
}
