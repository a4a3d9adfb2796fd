using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

public sealed class NewModel(PlenumDb db, UserManager<User> users, DiscussionBoard board, AttachmentIntake intake) : GroupPageModel(db, users)
{
    [BindProperty] public DiscussionForm Form { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(membersOnly: true) ?? (IsMember ? Page() : Forbid());

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!IsMember) return Forbid();
        var files = await intake.ReadAsync(Files, HttpContext.RequestAborted);
        foreach (var problem in files.Problems) ModelState.AddModelError(nameof(Files), problem);
        if (!ModelState.IsValid) return Page();
        try
        {
            var discussion = await board.StartAsync(Group, Me!.Id, Form, files.Files);
            return Redirect($"/groups/{Group.Slug}/discussions/{discussion.Id}");
        }
        catch (GroupRuleException refusal) { return Refused(refusal); }
    }
}
