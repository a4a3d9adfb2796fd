using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Plenum.Infrastructure;

namespace Plenum.Accounts;

/// <summary>The second step of logging in, after the password, for accounts with two-factor on.</summary>
[EnableRateLimiting(PlenumApp.LoginRateLimit)]
public sealed class LoginTwoFactorModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Accounts/Login");
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: true, rememberClient: false);
        return Outcome(result, "That code is not right. Codes change every 30 seconds; check your phone's clock.");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Accounts/Login");
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync((RecoveryCode ?? "").Replace(" ", ""));
        return Outcome(result, "That recovery code is not right, or was used already.");
    }

    IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string failure)
    {
        if (result.Succeeded) return LocalRedirect(LoginModel.SafeReturn(ReturnUrl));
        ModelState.AddModelError("", result.IsLockedOut ? "Too many wrong codes: this account is locked for 15 minutes." : failure);
        return Page();
    }
}
