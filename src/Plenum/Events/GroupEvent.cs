using Plenum.Privacy;

namespace Plenum.Events;

public enum EventKind { Meeting, Training, Action, Social, Other }

/// <summary>
/// Something a group does at a time and place: once, or repeating by an RRULE. Times are stored in UTC
/// with the IANA time zone they were given in, so a weekly 19:00 stays 19:00 across a change of clocks.
/// What and where are encrypted: an action's place can expose the people who go.
/// </summary>
public sealed class GroupEvent
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public EventKind Kind { get; set; }
    [Sensitive] public required string Title { get; set; }
    [Sensitive] public string? Description { get; set; }
    [Sensitive] public string? Location { get; set; }
    [Sensitive] public string? OnlineLink { get; set; }
    /// <summary>The first occurrence's start and end, in UTC.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>The IANA zone the times were entered in ("Europe/Berlin", "UTC").</summary>
    public required string TimeZone { get; set; }
    /// <summary>Places per occurrence; null for no limit.</summary>
    public int? Capacity { get; set; }
    /// <summary>An RRULE (RFC 5545) without the "RRULE:" prefix, built and checked by <see cref="EventRecurrence"/>; null for a one-off.</summary>
    public string? Recurrence { get; set; }
    /// <summary>When the last occurrence ends; null for a series without end. Lets lists, feeds and retention skip what is over.</summary>
    public DateTimeOffset? LastEndsAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>iCalendar SEQUENCE: raised on every change, so calendar apps replace their copy.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    public bool IsCancelled => CancelledAt is not null;
    public TimeSpan Length => EndsAt - StartsAt;
}
