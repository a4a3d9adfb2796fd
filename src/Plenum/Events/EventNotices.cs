using Plenum.Notifications;

namespace Plenum.Events;

/// <summary>
/// Notices about events, through <see cref="Notifier"/> (in the app, and by mail and push as each member's
/// volume for the group allows). They name the group, the title and the time, never the place or the link.
/// </summary>
public sealed class EventNotices(Notifier notifier)
{
    public Task ReminderAsync(GroupEvent groupEvent, Occurrence occurrence, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Send(groupEvent, NotificationKind.EventReminder, userIds, $"\"{groupEvent.Title}\" is on {When(groupEvent, occurrence)}", cancellationToken);

    public Task CancelledAsync(GroupEvent groupEvent, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Send(groupEvent, NotificationKind.EventCancelled, userIds, $"\"{groupEvent.Title}\" is cancelled", cancellationToken);

    public Task PlaceFreedAsync(GroupEvent groupEvent, Occurrence occurrence, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Send(groupEvent, NotificationKind.EventPlaceFreed, userIds,
            $"a place freed up and you are going to \"{groupEvent.Title}\" on {When(groupEvent, occurrence)}", cancellationToken);

    /// <summary><paramref name="summary"/> leaves out the group's name, which the notifier puts before it (or as a push notice's heading).</summary>
    Task Send(GroupEvent groupEvent, NotificationKind kind, IReadOnlyCollection<Guid> userIds, string summary, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? Task.CompletedTask : notifier.EventNoticeAsync(groupEvent, kind, summary, userIds, cancellationToken);

    static string When(GroupEvent groupEvent, Occurrence occurrence) =>
        $"{EventTimes.Show(EventTimes.ToLocal(occurrence.StartsAt, groupEvent))} ({groupEvent.TimeZone})";
}
