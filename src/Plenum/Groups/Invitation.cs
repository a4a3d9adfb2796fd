namespace Plenum.Groups;

/// <summary>
/// An invite link. For a group, or (GroupId null) to the instance itself; the first-admin invite
/// grants instance administration. Only a hash of the link's secret is stored.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid? GroupId { get; set; }
    public Group? Group { get; set; }
    public Guid? CreatedById { get; set; }
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>How many people may use the link; null for no limit until it expires.</summary>
    public int? MaxUses { get; set; }
    public int Uses { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public bool GrantsInstanceAdmin { get; set; }

    public bool IsUsableAt(DateTimeOffset now) =>
        RevokedAt is null && now < ExpiresAt && (MaxUses is null || Uses < MaxUses);
}
