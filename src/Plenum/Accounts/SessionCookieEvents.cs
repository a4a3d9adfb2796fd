using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Accounts;

/// <summary>
/// Ties every sign-in cookie to a <see cref="UserSession"/> row, whatever path signed the person in
/// (password, two-factor, recovery code). A cookie whose row is gone is refused at once, which is
/// what makes "log out everywhere" and revoking one lost phone work.
/// </summary>
public sealed class SessionCookieEvents(PlenumDb db, TimeProvider clock) : CookieAuthenticationEvents
{
    public const string SessionClaim = "plenum:session";
    static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(10);

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || !TryGetUserId(context.Principal, out var userId))
            return;
        // A refreshed cookie (after a change of pseudonym or password) stays the same browser's session.
        var session = await FindSessionAsync(context.HttpContext.User) is { } current && current.UserId == userId ? current : null;
        if (session is null)
        {
            var now = clock.GetUtcNow();
            session = new UserSession { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now, LastSeenAt = now };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
        }
        identity.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var session = await FindSessionAsync(context.Principal);
        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        var now = clock.GetUtcNow();
        // Only a coarse "last seen": fewer writes, and less to learn from the record.
        if (now - session.LastSeenAt > LastSeenGranularity)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync();
        }
        await base.ValidatePrincipal(context);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        var principal = context.HttpContext.User;
        var session = await FindSessionAsync(principal);
        if (session is not null)
        {
            db.Sessions.Remove(session);
            await db.SaveChangesAsync();
        }
    }

    async Task<UserSession?> FindSessionAsync(ClaimsPrincipal? principal)
    {
        if (principal is null || !TryGetUserId(principal, out var userId)) return null;
        if (!Guid.TryParse(principal.FindFirstValue(SessionClaim), out var sessionId)) return null;
        return await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId);
    }

    static bool TryGetUserId(ClaimsPrincipal principal, out Guid userId) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out userId);

    public static Guid? CurrentSessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id) ? id : null;
}
