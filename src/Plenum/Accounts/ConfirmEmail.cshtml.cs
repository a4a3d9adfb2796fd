using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Plenum.Accounts;

/// <summary>
/// Opening the mailed link shows a button; only pressing it confirms, because mail scanners
/// open links on their own.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<User> users, AccountLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public bool Valid { get; private set; }

    public void OnGet() => Valid = links.Open(AccountLinks.EmailConfirmation, Code) is { Length: 3 };

    public async Task<IActionResult> OnPostAsync()
    {
        if (links.Open(AccountLinks.EmailConfirmation, Code) is not [var userId, var email, var token]
            || await users.FindByIdAsync(userId) is not { DeletedAt: null } user
            || !(await users.ChangeEmailAsync(user, email, token)).Succeeded)
        {
            return Page();
        }
        TempData["Notice"] = "Your e-mail address is confirmed.";
        return Redirect(User.Identity?.IsAuthenticated == true ? "/accounts" : "/accounts/login");
    }
}
