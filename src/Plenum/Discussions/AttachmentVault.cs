using Plenum.Groups;
using Plenum.Privacy;

namespace Plenum.Discussions;

/// <summary>
/// The one place attachment content is encrypted and decrypted. A per-row flag rather than a column
/// converter, because whether content is encrypted depends on the group, not on the column.
/// </summary>
public sealed class AttachmentVault(FieldEncryption encryption)
{
    public DiscussionAttachment Store(Group group, Guid discussionId, Guid? replyId, NewAttachment file, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), DiscussionId = discussionId, ReplyId = replyId, FileName = file.FileName, ContentType = file.ContentType,
        Size = file.Content.Length, Content = group.IsClosed ? encryption.Encrypt(file.Content) : file.Content,
        Encrypted = group.IsClosed, UploadedAt = now,
    };

    public byte[] Open(DiscussionAttachment attachment) =>
        attachment.Encrypted ? encryption.Decrypt(attachment.Content) : attachment.Content;

    /// <summary>Encrypts content stored while its group was open, once the group is closed.</summary>
    public void Seal(DiscussionAttachment attachment)
    {
        if (attachment.Encrypted) return;
        attachment.Content = encryption.Encrypt(attachment.Content);
        attachment.Encrypted = true;
    }
}
