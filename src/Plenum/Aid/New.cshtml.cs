using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Mail;

namespace Plenum.Aid;

/// <summary>A dispatcher enters a need taken by phone or from a paper form; it is recorded as entered by them.</summary>
public sealed class NewModel(PlenumDb db, UserManager<User> users, AidGroups aid, AidDesk desk, Mailer mailer) : AidPageModel(db, users, aid)
{
    [BindProperty] public NeedForm Form { get; set; } = new();
    public IReadOnlyList<AidCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AidArea> Areas { get; private set; } = [];
    /// <summary>Shown once, to read out or write down for the caller.</summary>
    public string? FollowUrl { get; private set; }
    public Guid? PostedId { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadFormAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        try
        {
            if (Form.Intake == AidIntake.Self) throw new AidRuleException("Say whether it came by phone or on paper.");
            var (request, secret) = await desk.PostAsync(Group, Form.ToDraft(), Form.Intake, Me!.Id);
            (FollowUrl, PostedId) = (mailer.LinkTo(Request, AidFollowLinks.Path(secret)), request.Id);
            ModelState.Clear();
            Form = new NeedForm();
            return Page();
        }
        catch (AidRuleException refusal)
        {
            return Refused(refusal);
        }
    }

    async Task<IActionResult?> LoadFormAsync()
    {
        var denied = await LoadAidAsync();
        if (denied is not null) return denied;
        if (!IsDispatcher) return Forbid();
        Categories = await Aid.CategoriesAsync(Group.Id);
        Areas = await Aid.AreasAsync(Group.Id);
        return null;
    }
}
