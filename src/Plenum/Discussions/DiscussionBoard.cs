using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

/// <summary>
/// Writing in a group's discussions: starting, replying, editing (keeping the earlier version) and
/// closing. Mentions are worked out from the rendered post, so "@name" inside code is no mention.
/// A post and its files are saved together or not at all.
/// </summary>
public sealed class DiscussionBoard(PlenumDb db, MarkdownRenderer markdown, AttachmentVault vault, AttachmentOptions attachmentLimits, TimeProvider clock)
{
    public const int RepliesPerPage = 50;

    public async Task<Discussion> StartAsync(Group group, Guid authorId, DiscussionForm form, IReadOnlyList<NewAttachment>? files = null,
        CancellationToken cancellationToken = default)
    {
        EnsureOpen(group);
        var now = clock.GetUtcNow();
        var discussion = new Discussion
        {
            Id = Guid.NewGuid(), GroupId = group.Id, AuthorId = authorId, Title = form.Title.Trim(), Body = form.Body,
            CreatedAt = now, LastActivityAt = now,
        };
        db.Discussions.Add(discussion);
        AddFiles(group, discussion.Id, null, files, now);
        await AddMentionsAsync(group, discussion.Id, null, authorId, form.Body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return discussion;
    }

    public async Task<DiscussionReply> ReplyAsync(Group group, Discussion discussion, Guid authorId, ReplyForm form, IReadOnlyList<NewAttachment>? files = null,
        CancellationToken cancellationToken = default)
    {
        EnsureOpen(group);
        if (discussion.IsClosed) throw new GroupRuleException("This discussion is closed; it takes no more replies.");
        var now = clock.GetUtcNow();
        var reply = new DiscussionReply { Id = Guid.NewGuid(), DiscussionId = discussion.Id, AuthorId = authorId, Body = form.Body, CreatedAt = now };
        db.DiscussionReplies.Add(reply);
        AddFiles(group, discussion.Id, reply.Id, files, now);
        discussion.LastActivityAt = now;
        await AddMentionsAsync(group, discussion.Id, reply.Id, authorId, form.Body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    public async Task EditAsync(Group group, Discussion discussion, DiscussionForm form, CancellationToken cancellationToken = default)
    {
        EnsureOpen(group);
        var title = form.Title.Trim();
        if (title == discussion.Title && form.Body == discussion.Body) return;
        var now = clock.GetUtcNow();
        db.DiscussionRevisions.Add(new DiscussionRevision
        {
            Id = Guid.NewGuid(), DiscussionId = discussion.Id, Title = discussion.Title, Body = discussion.Body, ReplacedAt = now,
        });
        discussion.Title = title;
        discussion.Body = form.Body;
        discussion.EditedAt = now;
        await ReplaceMentionsAsync(group, discussion.Id, null, discussion.AuthorId, form.Body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EditAsync(Group group, DiscussionReply reply, ReplyForm form, CancellationToken cancellationToken = default)
    {
        EnsureOpen(group);
        if (form.Body == reply.Body) return;
        var now = clock.GetUtcNow();
        db.ReplyRevisions.Add(new ReplyRevision { Id = Guid.NewGuid(), ReplyId = reply.Id, Body = reply.Body, ReplacedAt = now });
        reply.Body = form.Body;
        reply.EditedAt = now;
        await ReplaceMentionsAsync(group, reply.DiscussionId, reply.Id, reply.AuthorId, form.Body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds files to a post already written (the API's way to attach them); a post carries only so many.</summary>
    public async Task<IReadOnlyList<DiscussionAttachment>> AttachAsync(Group group, Discussion discussion, DiscussionReply? reply,
        IReadOnlyList<NewAttachment> files, CancellationToken cancellationToken = default)
    {
        EnsureOpen(group);
        if (discussion.IsClosed) throw new GroupRuleException("This discussion is closed; nothing more can be added to it.");
        var replyId = reply?.Id;
        var existing = await db.DiscussionAttachments.CountAsync(a => a.DiscussionId == discussion.Id && a.ReplyId == replyId, cancellationToken);
        if (existing + files.Count > attachmentLimits.MaxFilesPerPost)
            throw new GroupRuleException($"A post carries at most {attachmentLimits.MaxFilesPerPost} files; this one has {existing} already.");
        var stored = AddFiles(group, discussion.Id, replyId, files, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    public async Task SetClosedAsync(Group group, Discussion discussion, bool closed, CancellationToken cancellationToken = default)
    {
        EnsureOpen(group);
        discussion.ClosedAt = closed ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The reply page a reply is on, so after posting the author lands on it.</summary>
    public async Task<int> PageOfAsync(DiscussionReply reply, CancellationToken cancellationToken = default)
    {
        var before = await db.DiscussionReplies.CountAsync(r => r.DiscussionId == reply.DiscussionId && r.CreatedAt < reply.CreatedAt, cancellationToken);
        return before / RepliesPerPage + 1;
    }

    /// <summary>An archived group is a record of what happened: readable, no longer written to.</summary>
    static void EnsureOpen(Group group)
    {
        if (group.IsArchived) throw new GroupRuleException("This group is archived: its discussions can be read but not added to.");
    }

    List<DiscussionAttachment> AddFiles(Group group, Guid discussionId, Guid? replyId, IReadOnlyList<NewAttachment>? files, DateTimeOffset now)
    {
        var stored = (files ?? []).Select(file => vault.Store(group, discussionId, replyId, file, now)).ToList();
        db.DiscussionAttachments.AddRange(stored);
        return stored;
    }

    async Task ReplaceMentionsAsync(Group group, Guid discussionId, Guid? replyId, Guid authorId, string body, CancellationToken cancellationToken)
    {
        // Removed through the change tracker, so the edit and its mentions are saved together or not at all.
        db.Mentions.RemoveRange(await db.Mentions.Where(m => m.DiscussionId == discussionId && m.ReplyId == replyId).ToListAsync(cancellationToken));
        await AddMentionsAsync(group, discussionId, replyId, authorId, body, cancellationToken);
    }

    async Task AddMentionsAsync(Group group, Guid discussionId, Guid? replyId, Guid authorId, string body, CancellationToken cancellationToken)
    {
        if (!body.Contains('@')) return;
        var targets = await MentionTargets.ForGroupAsync(db, group, cancellationToken);
        var now = clock.GetUtcNow();
        // Naming oneself is no reason to be told about it.
        foreach (var userId in markdown.Render(body, targets).Mentioned.Where(id => id != authorId))
            db.Mentions.Add(new Mention { Id = Guid.NewGuid(), DiscussionId = discussionId, ReplyId = replyId, UserId = userId, CreatedAt = now });
    }
}
