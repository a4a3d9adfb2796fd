using System.Linq.Expressions;

namespace Plenum.Groups;

public enum GroupKind { AffinityGroup, Assembly, Federation }

/// <summary>How people come in: only by invitation, freely, or by request with vouches.</summary>
public enum JoinPolicy { InviteOnly, Open, ByRequest }

public enum InvitePermission { AnyMember, Coordinators }

/// <summary>
/// An affinity group, an assembly or a federation. Groups nest to any depth (ParentId); a
/// federation's members are groups (see <see cref="Membership"/>).
/// </summary>
public sealed class Group
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>URL name, unique on the instance.</summary>
    public required string Slug { get; set; }
    public string Description { get; set; } = "";
    public GroupKind Kind { get; set; }
    public JoinPolicy JoinPolicy { get; set; }
    public InvitePermission WhoMayInvite { get; set; }
    /// <summary>Vouches from members an applicant needs when joining by request.</summary>
    public int VouchesRequired { get; set; } = 1;
    public int? MemberCap { get; set; }
    /// <summary>After this moment the group archives itself (affinity groups formed for one action).</summary>
    public DateTimeOffset? EndsAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public Guid? ParentId { get; set; }
    public Group? Parent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsArchived => ArchivedAt is not null;
    /// <summary>Closed groups are visible to their members only.</summary>
    public bool IsClosed => IsClosedRule(this);
    /// <summary><see cref="IsClosed"/> as a condition a query can send to the database; the one definition of a closed group.</summary>
    public static readonly Expression<Func<Group, bool>> Closed = g => g.Kind == GroupKind.AffinityGroup || g.JoinPolicy == JoinPolicy.InviteOnly;
    static readonly Func<Group, bool> IsClosedRule = Closed.Compile();
    public List<Membership> Memberships { get; set; } = [];
}
