namespace Plenum.Assemblies;

public enum MeetingMode { InPerson, Online, Hybrid }

public enum MeetingStatus { Scheduled, Live, Ended }

/// <summary>A meeting of a group: in a room, online or both, run item by item from its agenda.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    [Privacy.Sensitive] public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public MeetingMode Mode { get; set; }
    /// <summary>Where it meets; encrypted, since a meeting place can expose people.</summary>
    [Privacy.Sensitive] public string? Place { get; set; }
    [Privacy.Sensitive] public string? OnlineLink { get; set; }
    public MeetingStatus Status { get; set; }
    public Guid? CurrentItemId { get; set; }
    public Guid? FacilitatorId { get; set; }
    public Guid? NoteTakerId { get; set; }
    /// <summary>People who have not spoken on the current item go before those who have.</summary>
    public bool ProgressiveStack { get; set; } = true;
    /// <summary>Speaking time per turn, shown to the facilitator; 0 for no limit.</summary>
    public int SecondsPerSpeaker { get; set; } = 120;
    /// <summary>The group's decision approving the minutes; they are published to members once it passes.</summary>
    public Guid? MinutesDecisionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<AgendaItem> Items { get; set; } = [];
}

/// <summary>One point of a meeting's agenda, with the note-taker's notes and what was decided on it.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    [Privacy.Sensitive] public required string Title { get; set; }
    public Guid? DiscussionId { get; set; }
    /// <summary>A proposal decided on this item (live, and by absent members where the rulebook allows).</summary>
    public Guid? DecisionId { get; set; }
    [Privacy.Sensitive] public string? Notes { get; set; }
}

/// <summary>A member checked in at a meeting; those present count toward quorum where the rulebook says so.</summary>
public sealed class Attendance
{
    public Guid MeetingId { get; set; }
    public Guid UserId { get; set; }
    public Accounts.User? User { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
}

/// <summary>A place in the speakers' queue for one agenda item.</summary>
public sealed class SpeakerSlot
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid ItemId { get; set; }
    public Guid UserId { get; set; }
    public Accounts.User? User { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>The facilitator's ordering; lower speaks sooner.</summary>
    public int Order { get; set; }
    public DateTimeOffset? SpokeAt { get; set; }
}

public enum Signal { Agree, Disagree, ClarifyingQuestion, PointOfProcess, Block }

/// <summary>A hand signal in a quick temperature check on the current item: one per person per item, changeable.</summary>
public sealed class HandSignal
{
    public Guid MeetingId { get; set; }
    public Guid ItemId { get; set; }
    public Guid UserId { get; set; }
    public Signal Signal { get; set; }
    public DateTimeOffset At { get; set; }
}
