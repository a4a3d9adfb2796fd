using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

/// <summary>Authors edit their own opening post (title and text) or reply; the replaced version becomes a revision.</summary>
public sealed class EditModel(PlenumDb db, UserManager<User> users, DiscussionBoard board) : DiscussionPageModel(db, users)
{
    [FromRoute(Name = "reply")] public Guid? ReplyId { get; set; }
    public DiscussionReply? EditedReply { get; private set; }
    public bool EditingReply => ReplyId is not null;
    /// <summary>Not bound automatically: a reply has no title, so the form is bound and validated as the kind being edited.</summary>
    public DiscussionForm Form { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await AllowedAsync();
        if (denied is not null) return denied;
        Form = new DiscussionForm { Title = Discussion.Title, Body = EditedReply?.Body ?? Discussion.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await AllowedAsync();
        if (denied is not null) return denied;
        try
        {
            if (EditedReply is not null)
            {
                var reply = new ReplyForm();
                if (!await TryUpdateModelAsync(reply, "Form") || !ModelState.IsValid)
                {
                    Form = new DiscussionForm { Body = reply.Body };
                    return Page();
                }
                await board.EditAsync(Group, EditedReply, reply);
                return Redirect($"{ThreadLink}?page={await board.PageOfAsync(EditedReply)}#reply-{EditedReply.Id}");
            }
            if (!await TryUpdateModelAsync(Form, "Form") || !ModelState.IsValid) return Page();
            await board.EditAsync(Group, Discussion, Form);
            return Redirect(ThreadLink);
        }
        catch (GroupRuleException refusal) { return Refused(refusal); }
    }

    async Task<IActionResult?> AllowedAsync()
    {
        var denied = await LoadDiscussionAsync();
        if (denied is not null) return denied;
        if (ReplyId is { } replyId)
        {
            EditedReply = await Db.DiscussionReplies.FirstOrDefaultAsync(r => r.Id == replyId && r.DiscussionId == Discussion.Id);
            if (EditedReply is null) return NotFound();
        }
        // Only the author, and only while still a member: a coordinator moderates by closing, not by rewriting someone's words.
        var authorId = EditedReply?.AuthorId ?? Discussion.AuthorId;
        return IsMember && Me!.Id == authorId ? null : Forbid();
    }
}
