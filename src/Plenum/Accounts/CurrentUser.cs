using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Plenum.Accounts;

/// <summary>The signed-in person's account, for pages and endpoints.</summary>
public sealed class CurrentUser(UserManager<User> users)
{
    public async Task<User> GetAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("No account for the signed-in principal.");
}
