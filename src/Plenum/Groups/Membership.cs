using System.ComponentModel.DataAnnotations.Schema;
using Plenum.Accounts;

namespace Plenum.Groups;

public enum GroupRole { Member, Coordinator }

/// <summary>
/// Belonging to a group: either a person (UserId) or, in a federation, a member group (MemberGroupId);
/// exactly one is set (a check constraint enforces it).
/// </summary>
public sealed class Membership
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Group Group { get; set; } = null!;
    public Guid? UserId { get; set; }
    public User? User { get; set; }
    public Guid? MemberGroupId { get; set; }
    public Group? MemberGroup { get; set; }
    public GroupRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>What this member's vote counts for where the rulebook weighs votes (e.g. shares held); 1 otherwise.</summary>
    public int VoteWeight { get; set; } = 1;
    /// <summary>
    /// Set on the stand-in a federation's delegate gets on its pages and in the API (never stored):
    /// it lets them read and take part, but gives none of a member's powers over the group, such as inviting.
    /// </summary>
    [NotMapped] public bool IsDelegateStandIn { get; init; }
}
