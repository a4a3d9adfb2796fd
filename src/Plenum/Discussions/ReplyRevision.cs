using Plenum.Privacy;

namespace Plenum.Discussions;

/// <summary>A reply as it read before an edit (kept for a year, see <see cref="EditHistoryRetention"/>).</summary>
public sealed class ReplyRevision
{
    public Guid Id { get; set; }
    public Guid ReplyId { get; set; }
    public DiscussionReply Reply { get; set; } = null!;
    [Sensitive]
    public string Body { get; set; } = "";
    /// <summary>When this version was replaced by the edit.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
}
