using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Groups;

namespace Plenum.Accounts;

/// <summary>
/// Deleting one's own account. Refused while the person is a group's only coordinator, so no group
/// is left without anyone able to run it; the page says which groups to hand over first.
/// </summary>
public sealed class DeleteModel(UserManager<User> users, SignInManager<User> signIn, AccountDeletion deletion, GroupMembership membership)
    : AccountPageModel(users)
{
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Understood { get; set; }
    public IReadOnlyList<Group> MustHandOver { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (MustHandOver.Count > 0) return Page();
        if (!Understood) ModelState.AddModelError(nameof(Understood), "Tick the box to confirm that you understand the account cannot be restored.");
        if (!await Users.CheckPasswordAsync(Me, Password ?? "")) ModelState.AddModelError(nameof(Password), "That is not your password.");
        if (!ModelState.IsValid) return Page();
        await deletion.DeleteAsync(Me.Id, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        TempData["Notice"] = "Your account is deleted. Thank you for organizing with us.";
        return Redirect("/");
    }

    async Task LoadAsync()
    {
        await LoadMeAsync();
        MustHandOver = await membership.SoleCoordinatorOfAsync(Me.Id, HttpContext.RequestAborted);
    }
}
