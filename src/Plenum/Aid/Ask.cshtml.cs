using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Infrastructure;
using Plenum.Mail;

namespace Plenum.Aid;

/// <summary>
/// Asking a group for help without an account. Afterwards the page shows, once, the link to follow and
/// update the request. Answers 404 for groups that take no public requests, also to say nothing of closed groups.
/// </summary>
[EnableRateLimiting(PlenumApp.AidRateLimit)]
public sealed class AskModel(PlenumDb db, AidGroups aid, AidDesk desk, Mailer mailer) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty] public NeedForm Form { get; set; } = new() { Intake = AidIntake.Self };
    public Group Group { get; private set; } = null!;
    public IReadOnlyList<AidCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AidArea> Areas { get; private set; } = [];
    /// <summary>Shown this once: only its hash is stored.</summary>
    public string? FollowUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        try
        {
            var (_, secret) = await desk.PostAsync(Group, Form.ToDraft() , AidIntake.Self, null);
            FollowUrl = mailer.LinkTo(Request, AidFollowLinks.Path(secret));
            ModelState.Clear();
            return Page();
        }
        catch (AidRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
    }

    async Task<IActionResult?> LoadAsync()
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Slug == Slug);
        if (group is null || group.IsArchived || await aid.SettingsAsync(group.Id) is not { PublicIntake: true }) return NotFound();
        Group = group;
        Categories = await aid.CategoriesAsync(group.Id);
        Areas = await aid.AreasAsync(group.Id);
        return null;
    }
}
