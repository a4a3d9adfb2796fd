using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

public sealed class ThreadModel(PlenumDb db, UserManager<User> users, DiscussionBoard board, MarkdownRenderer markdown, AttachmentIntake intake)
    : DiscussionPageModel(db, users)
{
    [BindProperty] public ReplyForm Reply { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [FromQuery(Name = "page")] public int? RequestedPage { get; set; }
    public PostView OpeningPost { get; private set; } = null!;
    public List<PostView> Replies { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, DiscussionBoard.RepliesPerPage, 0);
    public bool MayClose => Me?.Id == Discussion.AuthorId || IsCoordinator;

    public async Task<IActionResult> OnGetAsync() => await LoadDiscussionAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostReplyAsync()
    {
        var denied = await LoadDiscussionAsync();
        if (denied is not null) return denied;
        if (!IsMember) return Forbid();
        // A refused reply is shown again on the last page, next to the form it came from.
        RequestedPage = int.MaxValue;
        var files = await intake.ReadAsync(Files, HttpContext.RequestAborted);
        foreach (var problem in files.Problems) ModelState.AddModelError(nameof(Files), problem);
        if (!ModelState.IsValid) return await ShowAsync();
        try
        {
            var reply = await board.ReplyAsync(Group, Discussion, Me!.Id, Reply, files.Files);
            return Redirect($"{ThreadLink}?page={await board.PageOfAsync(reply)}#reply-{reply.Id}");
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(bool closed)
    {
        var denied = await LoadDiscussionAsync();
        if (denied is not null) return denied;
        if (!IsMember || !MayClose) return Forbid();
        try
        {
            await board.SetClosedAsync(Group, Discussion, closed);
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = closed ? "The discussion is closed." : "The discussion is open again.";
        return Redirect(ThreadLink);
    }

    async Task<IActionResult> ShowAsync()
    {
        var mentions = await MentionTargets.ForGroupAsync(Db, Group);
        var replies = Db.DiscussionReplies.Where(r => r.DiscussionId == Discussion.Id);
        Paging = Paging.Of(RequestedPage, DiscussionBoard.RepliesPerPage, await replies.CountAsync());
        var page = await replies.Include(r => r.Author).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync();
        var files = await AttachmentListing.ForPostsAsync(Db, Discussion.Id, page.Select(r => r.Id).ToList());
        OpeningPost = PostView.Of(Discussion, Me, markdown.Render(Discussion.Body, mentions), ThreadLink) with { Attachments = files[null].ToList() };
        Replies = page.Select(r => PostView.Of(r, Me, markdown.Render(r.Body, mentions), ThreadLink) with { Attachments = files[r.Id].ToList() }).ToList();
        return Page();
    }
}
