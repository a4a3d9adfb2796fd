using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Plenum.Infrastructure;

namespace Plenum.Accounts;

[EnableRateLimiting(PlenumApp.LoginRateLimit)]
public sealed class LoginModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your pseudonym.")]
    public string Pseudonym { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Pseudonym.Trim(), Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturn(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl });
        ModelState.AddModelError("", result.IsLockedOut
            ? "Too many wrong passwords: this account is locked for 15 minutes."
            : "That pseudonym and password do not match.");
        return Page();
    }

    /// <summary>Only paths on this site, never another host.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] != '/' && returnUrl[1] != '\\' ? returnUrl : "/";
}
