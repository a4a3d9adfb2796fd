using Plenum.Privacy;

namespace Plenum.Aid;

/// <summary>Stored as numbers so the board sorts the most urgent first.</summary>
public enum AidUrgency { Today = 0, ThisWeek = 1, Whenever = 2 }

/// <summary>When help suits the requester, or when a standing offer is available; Anytime fits every other.</summary>
public enum AidTiming { Anytime, Weekdays, Evenings, Weekends }

public enum AidStatus { Open, Fulfilled, Cancelled, Referred }

/// <summary>How a need reached the group: posted by the person themself, or entered by a dispatcher.</summary>
public enum AidIntake { Self, Phone, Paper }

/// <summary>
/// A neighbour's need. The board shows only its category, area and timing; the details, the contact and
/// the exact address are encrypted, shown to the volunteers the requester (or a dispatcher) accepted, and
/// purged some days after the need is met or closed (<see cref="AidContactPurge"/>). The requester follows
/// it without an account through a one-time link, of which only a keyed hash is stored.
/// </summary>
public sealed class AidRequest
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid CategoryId { get; set; }
    /// <summary>One of the group's areas: never coordinates or a street.</summary>
    public Guid AreaId { get; set; }
    public AidUrgency Urgency { get; set; }
    public AidTiming Timing { get; set; }
    public AidStatus Status { get; set; }
    public AidIntake Intake { get; set; }
    /// <summary>The dispatcher who took it by phone or from paper; null when the person posted it.</summary>
    public Guid? EnteredById { get; set; }
    [Sensitive] public string? Details { get; set; }
    [Sensitive] public string? ContactName { get; set; }
    /// <summary>Phone number or e-mail address.</summary>
    [Sensitive] public string? Contact { get; set; }
    [Sensitive] public string? Address { get; set; }
    /// <summary>A keyed hash of the normalised contact: links repeated requests and "not this volunteer again" without reading the contact.</summary>
    public string? ContactHash { get; set; }
    /// <summary>Keyed hash of the follow link's secret; null once purged.</summary>
    public string? FollowHash { get; set; }
    /// <summary>For a need met in parts (a week of meals, a rent gap): how many parts or how much in all; null for one part.</summary>
    public int? Target { get; set; }
    public string? Unit { get; set; }
    /// <summary>An earlier open or recent request by the same person: linked and escalated, never merged.</summary>
    public Guid? RepeatOfId { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public Guid? ReferredToGroupId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last time the requester said they still need it (or when posted): staleness counts from here.</summary>
    public DateTimeOffset StillNeededAt { get; set; }
    public DateTimeOffset? FirstClaimedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>When the details, contact, address and messages go: set on closing, from the group's setting.</summary>
    public DateTimeOffset? PurgeDueAt { get; set; }
    public DateTimeOffset? PurgedAt { get; set; }

    public bool IsOpen => Status == AidStatus.Open;
}
