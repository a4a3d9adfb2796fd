using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Accounts;

/// <summary>Signs a person's browsers out by deleting their session rows (see <see cref="SessionCookieEvents"/>).</summary>
public sealed class SessionRevocation(PlenumDb db, UserManager<User> users)
{
    /// <summary>Every session but <paramref name="keep"/>; a new security stamp also voids any cookie issued before.</summary>
    public async Task<int> RevokeAllAsync(User user, Guid? keep = null, CancellationToken cancellationToken = default)
    {
        var revoked = await db.Sessions.Where(s => s.UserId == user.Id && s.Id != keep).ExecuteDeleteAsync(cancellationToken);
        if (keep is null) await users.UpdateSecurityStampAsync(user);
        return revoked;
    }

    public Task<int> RevokeAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken = default) =>
        db.Sessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
}
