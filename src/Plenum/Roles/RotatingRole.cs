namespace Plenum.Roles;

/// <summary>
/// A role members take turns in (facilitator, note-taker, spokesperson, treasurer, or any other),
/// held for terms of fixed length with an optional limit on consecutive terms.
/// </summary>
public sealed class RotatingRole
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public required string Name { get; set; }
    public int TermDays { get; set; } = 30;
    /// <summary>The most terms in a row one person may hold; null for no limit.</summary>
    public int? TermLimit { get; set; }
    /// <summary>How long before a term ends the group is reminded to hand over.</summary>
    public int ReminderDays { get; set; } = 7;
    /// <summary>A federation the group names its delegate to by this role: whoever holds it speaks for the group there.</summary>
    public Guid? DelegatesToFederationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<RoleTerm> Terms { get; set; } = [];
}

public enum TermChoice { Appointed, Rotation, Draw }

/// <summary>One person's term in a role.</summary>
public sealed class RoleTerm
{
    public Guid Id { get; set; }
    public Guid RoleId { get; set; }
    public Guid UserId { get; set; }
    public Accounts.User? User { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public TermChoice ChosenBy { get; set; }
    public Guid? DrawId { get; set; }
    /// <summary>When the group was reminded that this term ends, so it is reminded once.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
}
