namespace Plenum.Federations;

public enum DelegateChoice { Election, Rotation, Recall }

/// <summary>
/// A person a member group sends to a federation as its delegate, for as long as the group wants:
/// <see cref="Until"/> is set when the term ends or the group recalls them.
/// </summary>
public sealed class Delegation
{
    public Guid Id { get; set; }
    public Guid FederationId { get; set; }
    public Guid MemberGroupId { get; set; }
    public Groups.Group? MemberGroup { get; set; }
    public Guid UserId { get; set; }
    public Accounts.User? User { get; set; }
    public DelegateChoice ChosenBy { get; set; }
    /// <summary>The group's decision that chose them (election or recall), if any.</summary>
    public Guid? DecisionId { get; set; }
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset? Until { get; set; }
}
