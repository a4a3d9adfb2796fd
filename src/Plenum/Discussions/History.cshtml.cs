using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Discussions;

/// <summary>Earlier versions of an edited post, newest first, so members can see what an edit changed.</summary>
public sealed class HistoryModel(PlenumDb db, UserManager<User> users, MarkdownRenderer markdown) : DiscussionPageModel(db, users)
{
    public sealed record Version(DateTimeOffset ReplacedAt, string? Title, HtmlString Html);

    [FromRoute(Name = "reply")] public Guid? ReplyId { get; set; }
    public PostView Current { get; private set; } = null!;
    public List<Version> Versions { get; private set; } = [];
    public int KeptForDays => (int)EditHistoryRetention.Period.TotalDays;

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadDiscussionAsync();
        if (denied is not null) return denied;
        var mentions = await MentionTargets.ForGroupAsync(Db, Group);
        if (ReplyId is { } replyId)
        {
            var reply = await Db.DiscussionReplies.Include(r => r.Author).FirstOrDefaultAsync(r => r.Id == replyId && r.DiscussionId == Discussion.Id);
            if (reply is null) return NotFound();
            Current = PostView.Of(reply, Me, markdown.Render(reply.Body, mentions), ThreadLink);
            var revisions = await Db.ReplyRevisions.Where(r => r.ReplyId == replyId).OrderByDescending(r => r.ReplacedAt).ToListAsync();
            Versions = revisions.Select(r => new Version(r.ReplacedAt, null, markdown.Render(r.Body, mentions).Html)).ToList();
        }
        else
        {
            Current = PostView.Of(Discussion, Me, markdown.Render(Discussion.Body, mentions), ThreadLink);
            var revisions = await Db.DiscussionRevisions.Where(r => r.DiscussionId == Discussion.Id).OrderByDescending(r => r.ReplacedAt).ToListAsync();
            Versions = revisions.Select(r => new Version(r.ReplacedAt, r.Title, markdown.Render(r.Body, mentions).Html)).ToList();
        }
        return Page();
    }
}
