using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Plenum.Infrastructure;

namespace Plenum.Accounts;

/// <summary>Sets a new password from a reset link (mailed, or made by an admin), then logs out every session.</summary>
[EnableRateLimiting(PlenumApp.LoginRateLimit)]
public sealed class ResetPasswordModel(UserManager<User> users, AccountLinks links, SessionRevocation sessions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public string? Pseudonym { get; private set; }

    public async Task OnGetAsync() => Pseudonym = (await FindAsync())?.User.UserName;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not var (user, token)) return Page();
        Pseudonym = user.UserName;
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Enter a new password.");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(nameof(NewPassword), error.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? "This link was used already. Ask for a new one." : Pseudonyms.Explain(error));
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await sessions.RevokeAllAsync(user);
        TempData["Notice"] = "Your password is changed and every session was logged out. Log in with the new password.";
        return Redirect("/accounts/login");
    }

    async Task<(User User, string Token)?> FindAsync() =>
        links.Open(AccountLinks.PasswordReset, Code) is [var userId, var token]
        && await users.FindByIdAsync(userId) is { DeletedAt: null } user
            ? (user, token)
            : null;
}
