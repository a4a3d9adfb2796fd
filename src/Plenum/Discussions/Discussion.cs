using Plenum.Accounts;
using Plenum.Groups;
using Plenum.Privacy;

namespace Plenum.Discussions;

/// <summary>
/// A thread in a group: a titled opening post in Markdown and its replies.
/// Title and body are always encrypted at rest (see docs/discussions.md for why not only in closed groups).
/// </summary>
public sealed class Discussion
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Group Group { get; set; } = null!;
    public Guid AuthorId { get; set; }
    public User Author { get; set; } = null!;
    /// <summary>A title such as "Blockade on Friday at the depot" reveals as much as the body, so it is encrypted too.</summary>
    [Sensitive]
    public string Title { get; set; } = "";
    /// <summary>Markdown, rendered on every read so renderer fixes reach old posts.</summary>
    [Sensitive]
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Creation or the latest reply; the list is sorted by it.</summary>
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    /// <summary>Set when the author or a coordinator closes the thread: it stays readable but takes no replies.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public List<DiscussionReply> Replies { get; set; } = [];

    public bool IsClosed => ClosedAt is not null;
}
