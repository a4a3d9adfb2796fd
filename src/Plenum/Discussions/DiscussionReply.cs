using Plenum.Accounts;
using Plenum.Privacy;

namespace Plenum.Discussions;

public sealed class DiscussionReply
{
    public Guid Id { get; set; }
    public Guid DiscussionId { get; set; }
    public Discussion Discussion { get; set; } = null!;
    public Guid AuthorId { get; set; }
    public User Author { get; set; } = null!;
    [Sensitive]
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
}
