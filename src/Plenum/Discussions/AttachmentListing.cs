using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Discussions;

/// <summary>What a post shows of one attached file: never its content, which is read only for a download.</summary>
public sealed record AttachmentListing(Guid Id, Guid? ReplyId, string FileName, string ContentType, long Size)
{
    public bool IsImage => AttachmentTypes.IsImage(ContentType);
    public string HumanSize => FileSizes.Describe(Size);

    /// <summary>
    /// The files of a thread's opening post and of the given replies, in one query that selects no
    /// content, keyed by reply id (null for the opening post). Sorted by name, in memory: the stored
    /// names are ciphertext, and one post's files share their upload time.
    /// </summary>
    public static async Task<ILookup<Guid?, AttachmentListing>> ForPostsAsync(PlenumDb db, Guid discussionId, IReadOnlyCollection<Guid> replyIds,
        CancellationToken cancellationToken = default)
    {
        var rows = await db.DiscussionAttachments
            .Where(a => a.DiscussionId == discussionId && (a.ReplyId == null || replyIds.Contains(a.ReplyId.Value)))
            .Select(a => new AttachmentListing(a.Id, a.ReplyId, a.FileName, a.ContentType, a.Size))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(a => a.FileName, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id).ToLookup(a => a.ReplyId);
    }
}
