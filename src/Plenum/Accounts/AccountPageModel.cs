using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Plenum.Accounts;

/// <summary>Pages about the signed-in person's own account.</summary>
[Authorize]
public abstract class AccountPageModel(UserManager<User> users) : PageModel
{
    protected UserManager<User> Users { get; } = users;
    public User Me { get; private set; } = null!;

    protected async Task LoadMeAsync() =>
        Me = await Users.GetUserAsync(User) ?? throw new InvalidOperationException("No account for the signed-in principal.");

    protected void AddErrors(IdentityResult result, string field = "")
    {
        foreach (var error in result.Errors) ModelState.AddModelError(field, Pseudonyms.Explain(error));
    }
}
