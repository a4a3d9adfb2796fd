using Plenum.Privacy;

namespace Plenum.Aid;

public enum VettedBy { Orientation, Vouches }

/// <summary>A volunteer the group trusts with sensitive categories: by a completed orientation (set by a coordinator) or enough vouches.</summary>
public sealed class AidVetting
{
    public Guid GroupId { get; set; }
    public Guid UserId { get; set; }
    public VettedBy How { get; set; }
    public Guid? ById { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>"Not this volunteer again": keyed to the requester's contact hash, so it holds for their later requests too.</summary>
public sealed class AidBlock
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public required string ContactHash { get; set; }
    public Guid VolunteerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A private report about a volunteer, for the group's safety contact (or its coordinators when nobody holds that role).</summary>
public sealed class AidReport
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid VolunteerId { get; set; }
    public Guid? RequestId { get; set; }
    [Sensitive] public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
}
