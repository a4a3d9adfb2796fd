namespace Plenum.Aid;

/// <summary>Offered: waiting for the requester or a dispatcher to accept; only Accepted sees the details and contact.</summary>
public enum ClaimStatus { Offered, Accepted, Done, Declined, Lapsed, Withdrawn }

/// <summary>
/// A volunteer taking on a need (or a part of it). It carries the time by which they expect to have helped;
/// if they neither check in nor finish by then it lapses and the need goes back on the board.
/// </summary>
public sealed class AidClaim
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public Guid VolunteerId { get; set; }
    public ClaimStatus Status { get; set; }
    public DateTimeOffset ExpectedBy { get; set; }
    /// <summary>For a need met in parts: how many parts (or how much) this volunteer gives. Shown to nobody but in the total.</summary>
    public int Share { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }

    public bool IsActive => Status is ClaimStatus.Offered or ClaimStatus.Accepted;
}
