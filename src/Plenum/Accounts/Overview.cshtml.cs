using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Mail;

namespace Plenum.Accounts;

/// <summary>My account: pseudonym, optional e-mail, password, and the way to the other account pages.</summary>
public sealed class OverviewModel(
    UserManager<User> users, SignInManager<User> signIn, SessionRevocation sessions,
    AccountLinks links, Mailer mailer, PlenumDb db) : AccountPageModel(users)
{
    [BindProperty, RegularExpression(Pseudonyms.Pattern, ErrorMessage = Pseudonyms.Rule)]
    public string? Pseudonym { get; set; }

    [BindProperty, EmailAddress(ErrorMessage = "That does not look like an e-mail address.")]
    public string? Email { get; set; }

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public bool MailAvailable => mailer.IsConfigured;
    public int SessionCount { get; private set; }
    public int TokenCount { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPseudonymAsync()
    {
        await LoadAsync();
        var wanted = Pseudonym?.Trim();
        if (string.IsNullOrEmpty(wanted)) ModelState.AddModelError(nameof(Pseudonym), "Enter a pseudonym.");
        if (!ModelState.IsValid) return Page();
        var result = await Users.SetUserNameAsync(Me, wanted);
        if (!result.Succeeded) { AddErrors(result, nameof(Pseudonym)); return Page(); }
        await signIn.RefreshSignInAsync(Me);
        TempData["Notice"] = $"You are now {wanted}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        await LoadAsync();
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password.");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password.");
        if (!ModelState.IsValid) return Page();
        var result = await Users.ChangePasswordAsync(Me, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "That is not your current password." : Pseudonyms.Explain(error));
            return Page();
        }
        // Whoever knew the old password should not stay signed in elsewhere.
        var others = await sessions.RevokeAllAsync(Me, keep: SessionCookieEvents.CurrentSessionId(User));
        await signIn.RefreshSignInAsync(Me);
        TempData["Notice"] = others > 0 ? $"Password changed. Your {others} other session(s) were logged out." : "Password changed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        await LoadAsync();
        if (!MailAvailable) return RedirectToPage();
        var address = Email?.Trim();
        if (string.IsNullOrEmpty(address)) ModelState.AddModelError(nameof(Email), "Enter an e-mail address, or remove the one you have.");
        if (!ModelState.IsValid) return Page();
        var token = await Users.GenerateChangeEmailTokenAsync(Me, address!);
        var code = links.Seal(AccountLinks.EmailConfirmation, TimeSpan.FromDays(2), Me.Id.ToString(), address!, token);
        var link = mailer.LinkTo(Request, $"/accounts/confirm-email?code={Uri.EscapeDataString(code)}");
        await mailer.SendAsync(address!, "Confirm your e-mail address for Plenum",
            $"Someone (hopefully you) asked to use this address for the Plenum account \"{Me.UserName}\".\n\n" +
            $"To confirm, open this link within two days:\n{link}\n\nIf it was not you, ignore this message.",
            HttpContext.RequestAborted);
        TempData["Notice"] = "We sent a link to that address. The address is used once you open the link.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveEmailAsync()
    {
        await LoadAsync();
        Me.Email = null;
        Me.NormalizedEmail = null;
        Me.EmailConfirmed = false;
        await Users.UpdateAsync(Me);
        TempData["Notice"] = "Your e-mail address was removed.";
        return RedirectToPage();
    }

    async Task LoadAsync()
    {
        await LoadMeAsync();
        Pseudonym ??= Me.UserName;
        SessionCount = await db.Sessions.CountAsync(s => s.UserId == Me.Id);
        TokenCount = await db.AccessTokens.CountAsync(t => t.UserId == Me.Id && t.RevokedAt == null);
    }
}
