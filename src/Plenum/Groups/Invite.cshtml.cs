using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Groups;

public sealed class InviteModel(PlenumDb db, UserManager<User> users, InviteLinks links, TimeProvider clock) : GroupPageModel(db, users)
{
    [BindProperty, Range(1, 90, ErrorMessage = "A link is valid for 1 to 90 days.")]
    public int ValidDays { get; set; } = 7;

    [BindProperty, Range(1, 1000, ErrorMessage = "The use limit must be between 1 and 1000.")]
    public int? MaxUses { get; set; } = 1;

    public string? NewLink { get; private set; }
    public List<Invitation> Links { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync() => await AllowedAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var denied = await AllowedAsync();
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return await ShowAsync();
        var created = await links.CreateAsync(Group.Id, Me!.Id, TimeSpan.FromDays(ValidDays), MaxUses);
        NewLink = $"{Request.Scheme}://{Request.Host}{created.Path}";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var denied = await AllowedAsync();
        if (denied is not null) return denied;
        await Db.Invitations.Where(i => i.Id == id && i.GroupId == Group.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, clock.GetUtcNow()));
        TempData["Notice"] = "The link no longer works.";
        return Redirect($"/groups/{Group.Slug}/invite");
    }

    async Task<IActionResult?> AllowedAsync() => await LoadAsync(membersOnly: true) ?? (MayInvite ? null : Forbid());

    async Task<IActionResult> ShowAsync()
    {
        Links = await Db.Invitations.Where(i => i.GroupId == Group.Id).OrderByDescending(i => i.CreatedAt).Take(100).ToListAsync();
        return Page();
    }
}
