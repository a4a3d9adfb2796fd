using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Accounts;

/// <summary>Personal access tokens for the JSON API: made here, shown once, revocable.</summary>
public sealed class TokensModel(UserManager<User> users, PlenumDb db, TimeProvider clock) : AccountPageModel(users)
{
    public const int MaxNameLength = 60;

    [BindProperty] public string? Name { get; set; }
    public string? NewSecret { get; private set; }
    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadMeAsync();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) ModelState.AddModelError(nameof(Name), "Give the token a name, such as the program that will use it.");
        else if (name.Length > MaxNameLength) ModelState.AddModelError(nameof(Name), $"A token name has at most {MaxNameLength} characters.");
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }
        var secret = AccessTokenAuthentication.NewSecret();
        db.AccessTokens.Add(new AccessToken
        {
            Id = Guid.NewGuid(), UserId = Me.Id, Name = name!, CreatedAt = clock.GetUtcNow(),
            SecretHash = AccessTokenAuthentication.HashSecret(secret), Hint = secret[..12],
        });
        await db.SaveChangesAsync();
        NewSecret = secret;
        Name = null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await LoadMeAsync();
        var now = clock.GetUtcNow();
        await db.AccessTokens.Where(t => t.UserId == Me.Id && t.Id == id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now));
        TempData["Notice"] = "The token is revoked; programs using it are refused from now on.";
        return RedirectToPage();
    }

    async Task LoadAsync()
    {
        await LoadMeAsync();
        Tokens = await db.AccessTokens.Where(t => t.UserId == Me.Id && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).ToListAsync();
    }
}
