using Plenum.Accounts;

namespace Plenum.Discussions;

/// <summary>
/// A group member named as @pseudonym in a post. Kept as rows (rewritten on every edit) so a later
/// notification feature can tell people where they were mentioned without reading every body.
/// </summary>
public sealed class Mention
{
    public Guid Id { get; set; }
    public Guid DiscussionId { get; set; }
    /// <summary>Null when the mention is in the opening post.</summary>
    public Guid? ReplyId { get; set; }
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
}
