using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Discussions;

/// <summary>A post's file, for whoever may read the thread (the same base page decides), and for nobody else.</summary>
public sealed class AttachmentModel(PlenumDb db, UserManager<User> users, AttachmentVault vault) : DiscussionPageModel(db, users)
{
    [FromRoute] public Guid AttachmentId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadDiscussionAsync();
        if (denied is not null) return denied;
        var attachment = await Db.DiscussionAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == AttachmentId && a.DiscussionId == Discussion.Id);
        if (attachment is null) return NotFound();
        AttachmentDownload.SetHeaders(Response, attachment);
        return File(vault.Open(attachment), attachment.ContentType);
    }
}
