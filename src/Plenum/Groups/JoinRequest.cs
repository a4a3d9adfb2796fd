using Plenum.Accounts;
using Plenum.Privacy;

namespace Plenum.Groups;

public enum JoinRequestStatus { Pending, Accepted, Declined, Withdrawn }

/// <summary>A person asking to join a group that admits by request; accepted once enough members vouch.</summary>
public sealed class JoinRequest
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Group Group { get; set; } = null!;
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    /// <summary>What the applicant tells the group about themself: may identify them, so encrypted.</summary>
    [Sensitive]
    public string? Message { get; set; }
    public JoinRequestStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public List<Vouch> Vouches { get; set; } = [];
}

public sealed class Vouch
{
    public Guid Id { get; set; }
    public Guid JoinRequestId { get; set; }
    public Guid VoucherId { get; set; }
    public User Voucher { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
}
