using Plenum.Privacy;

namespace Plenum.Discussions;

/// <summary>An opening post as it read before an edit, so members can see what changed (kept for a year, see <see cref="EditHistoryRetention"/>).</summary>
public sealed class DiscussionRevision
{
    public Guid Id { get; set; }
    public Guid DiscussionId { get; set; }
    public Discussion Discussion { get; set; } = null!;
    [Sensitive]
    public string Title { get; set; } = "";
    [Sensitive]
    public string Body { get; set; } = "";
    /// <summary>When this version was replaced by the edit.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
}
