using Plenum.Privacy;

namespace Plenum.Discussions;

/// <summary>
/// A file attached to an opening post (<see cref="ReplyId"/> null) or a reply, stored in the database so
/// backups and transactions cover it, and deleted with its post. The name is always encrypted; the
/// content is encrypted when the group is closed (see docs/discussions.md).
/// </summary>
public sealed class DiscussionAttachment
{
    public Guid Id { get; set; }
    public Guid DiscussionId { get; set; }
    public Discussion Discussion { get; set; } = null!;
    public Guid? ReplyId { get; set; }
    /// <summary>"eviction-notice-flat-12.pdf" can say as much as a title, so it is encrypted in every group.</summary>
    [Sensitive]
    public string FileName { get; set; } = "";
    /// <summary>Decided by Plenum from the allowed extension (see <see cref="AttachmentTypes"/>), never taken from the browser.</summary>
    public string ContentType { get; set; } = "";
    /// <summary>Of the file as uploaded, before any encryption.</summary>
    public long Size { get; set; }
    /// <summary>The file, or its AES-GCM encryption when <see cref="Encrypted"/>; read only for a download.</summary>
    public byte[] Content { get; set; } = [];
    public bool Encrypted { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
