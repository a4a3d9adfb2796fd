using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Fund;

/// <summary>
/// Who may do what with a group's fund. The treasurer is whoever holds the group's rotating role named
/// "treasurer" right now (see Roles): when the term ends, so does their sight of anonymous recipients.
/// </summary>
public sealed record FundAccess(bool IsMember, bool IsCoordinator, bool IsTreasurer)
{
    public const string TreasurerRole = "treasurer";

    public bool MayRecordIncome => IsTreasurer || IsCoordinator;
    public bool MayDisburse => IsTreasurer;
    public bool MaySeeRecipients => IsTreasurer;
    /// <summary>Members' names next to their contributions; an open group's visitors see the amounts only.</summary>
    public bool MaySeeNames => IsMember;

    public static async Task<FundAccess> ForAsync(PlenumDb db, Group group, Membership? membership, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var userId = membership?.UserId;
        var treasurer = userId is not null && await db.RoleTerms.AnyAsync(t => t.UserId == userId && t.StartsAt <= now && t.EndsAt > now
            && db.RotatingRoles.Any(r => r.Id == t.RoleId && r.GroupId == group.Id && r.Name.ToLower() == TreasurerRole), cancellationToken);
        return new(membership is not null, membership?.Role == GroupRole.Coordinator, treasurer);
    }
}
