using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Plenum.Infrastructure;
using Plenum.Mail;

namespace Plenum.Accounts;

/// <summary>
/// Asks for a reset link by pseudonym or e-mail. The answer is the same whether or not an account
/// matches, so the page cannot be used to find out who has an account here.
/// </summary>
[EnableRateLimiting(PlenumApp.LoginRateLimit)]
public sealed class ForgotPasswordModel(UserManager<User> users, AccountLinks links, Mailer mailer) : PageModel
{
    [BindProperty] public string? PseudonymOrEmail { get; set; }
    public bool MailAvailable => mailer.IsConfigured;
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MailAvailable) return Page();
        var given = PseudonymOrEmail?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            ModelState.AddModelError(nameof(PseudonymOrEmail), "Enter your pseudonym or your e-mail address.");
            return Page();
        }
        var user = given.Contains('@') ? await users.FindByEmailAsync(given) : await users.FindByNameAsync(given);
        if (user is { DeletedAt: null, EmailConfirmed: true, Email: { } address })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = links.Seal(AccountLinks.PasswordReset, TimeSpan.FromHours(2), user.Id.ToString(), token);
            var link = mailer.LinkTo(Request, $"/accounts/reset-password?code={Uri.EscapeDataString(code)}");
            await mailer.SendAsync(address, "Reset your Plenum password",
                $"Someone (hopefully you) asked to reset the password of the Plenum account \"{user.UserName}\".\n\n" +
                $"To choose a new password, open this link within two hours:\n{link}\n\n" +
                "If it was not you, ignore this message: your password stays as it is.", HttpContext.RequestAborted);
        }
        Sent = true;
        return Page();
    }
}
