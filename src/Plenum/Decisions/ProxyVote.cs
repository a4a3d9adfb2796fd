namespace Plenum.Decisions;

/// <summary>
/// A member's vote on one decision handed to another member, where the rulebook allows proxies.
/// The grantor can take it back, or vote themself, until the holder has voted for them.
/// </summary>
public sealed class ProxyVote
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public Guid GrantorUserId { get; set; }
    public Accounts.User? Grantor { get; set; }
    public Guid HolderUserId { get; set; }
    public Accounts.User? Holder { get; set; }
    public DateTimeOffset GivenAt { get; set; }
}
