using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Accounts;

/// <summary>
/// Deleting an account removes everything personal (pseudonym, e-mail, password, two-factor secrets,
/// sessions, tokens, memberships, pending requests, answers to events, calendar feeds). The row itself
/// stays under a random placeholder name so group history that mentions the person reads "former member".
/// </summary>
public sealed class AccountDeletion(PlenumDb db, Events.RsvpBook rsvps, TimeProvider clock)
{
    public async Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // Places the person held at events go to those waiting, as if they had left each group.
        foreach (var groupId in await db.Memberships.Where(m => m.UserId == userId).Select(m => m.GroupId).ToListAsync(cancellationToken))
            await rsvps.WithdrawAsync(groupId, userId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var placeholder = "former-" + Guid.NewGuid().ToString("N");
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.TwoFactorEnabled = false;
        user.IsInstanceAdmin = false;
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AccessTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Memberships.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.JoinRequests.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // Nobody is left to notify; their own posts stay, signed "former member".
        await db.Mentions.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PushSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Rsvps.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.CalendarFeedTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
