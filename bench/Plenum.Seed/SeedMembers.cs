using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Seed;

/// <summary>An assembly with many members, written directly; the first is its coordinator, the first few hold API tokens.</summary>
static class SeedMembers
{
    public static async Task<(Group Group, List<Membership> Members, List<string> Tokens)> AssemblyAsync(PlenumDb db, string slug, int members, int withTokens)
    {
        var now = DateTimeOffset.UtcNow;
        var group = new Group { Id = Guid.NewGuid(), Name = "Load assembly", Slug = slug, Kind = GroupKind.Assembly, JoinPolicy = JoinPolicy.Open, CreatedAt = now };
        db.Groups.Add(group);
        var memberships = new List<Membership>();
        var tokens = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var user = new User { Id = Guid.NewGuid(), UserName = $"member-{i}", NormalizedUserName = $"MEMBER-{i}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now };
            db.Users.Add(user);
            var membership = new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = i == 0 ? GroupRole.Coordinator : GroupRole.Member, JoinedAt = now.AddDays(-60) };
            db.Memberships.Add(membership);
            memberships.Add(membership);
            if (i >= withTokens) continue;
            var token = AccessTokenAuthentication.NewSecret();
            db.AccessTokens.Add(new AccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "load", SecretHash = AccessTokenAuthentication.HashSecret(token), Hint = token[..12], CreatedAt = now });
            tokens.Add(token);
        }
        await db.SaveChangesAsync();
        return (group, memberships, tokens);
    }

    /// <summary>The cookie a password sign-in would give, with its session row (saved by the caller), without hashing thousands of passwords.</summary>
    public static async Task<string> SignInCookieAsync(IServiceProvider services, Guid userId, DateTimeOffset now)
    {
        var db = services.GetRequiredService<PlenumDb>();
        var user = await db.Users.FindAsync(userId) ?? throw new InvalidOperationException("The member was just written.");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now, LastSeenAt = now };
        db.Sessions.Add(session);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionCookieEvents.SessionClaim, session.Id.ToString()));
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.Add(cookie.ExpireTimeSpan) }, IdentityConstants.ApplicationScheme);
        return cookie.TicketDataFormat.Protect(ticket);
    }
}
