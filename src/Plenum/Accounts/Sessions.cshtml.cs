using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Accounts;

/// <summary>"My sessions": every browser signed in to the account, each revocable, and "log out everywhere".</summary>
public sealed class SessionsModel(UserManager<User> users, SignInManager<User> signIn, PlenumDb db, SessionRevocation revocation)
    : AccountPageModel(users)
{
    public const int MaxLabelLength = 60;

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public Guid? Current => SessionCookieEvents.CurrentSessionId(User);

    public async Task OnGetAsync()
    {
        await LoadMeAsync();
        var all = await db.Sessions.Where(s => s.UserId == Me.Id).ToListAsync();
        // This browser first, then the most recently used.
        Sessions = [.. all.OrderByDescending(s => s.Id == Current).ThenByDescending(s => s.LastSeenAt)];
    }

    public async Task<IActionResult> OnPostLabelAsync(Guid id, string? label)
    {
        await LoadMeAsync();
        var trimmed = label?.Trim();
        if (trimmed is { Length: > MaxLabelLength }) trimmed = trimmed[..MaxLabelLength];
        await db.Sessions.Where(s => s.UserId == Me.Id && s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Label, string.IsNullOrEmpty(trimmed) ? null : trimmed));
        TempData["Notice"] = "Label saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await LoadMeAsync();
        if (id == Current) return await SignOutHereAsync("You are logged out.");
        TempData["Notice"] = await revocation.RevokeAsync(Me.Id, id) > 0 ? "That session is logged out." : "That session had ended already.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeOthersAsync()
    {
        await LoadMeAsync();
        var count = await revocation.RevokeAllAsync(Me, keep: Current);
        await signIn.RefreshSignInAsync(Me);
        TempData["Notice"] = $"Logged out {count} other session(s).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAllAsync()
    {
        await LoadMeAsync();
        await revocation.RevokeAllAsync(Me);
        return await SignOutHereAsync("You are logged out everywhere.");
    }

    async Task<IActionResult> SignOutHereAsync(string notice)
    {
        await signIn.SignOutAsync();
        TempData["Notice"] = notice;
        return Redirect("/accounts/login");
    }
}
