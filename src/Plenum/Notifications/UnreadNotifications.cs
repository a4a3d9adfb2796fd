using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Notifications;

/// <summary>The unread count for the header: one COUNT on the (UserId, ReadAt, CreatedAt) index per page.</summary>
public sealed class UnreadNotifications(PlenumDb db, UserManager<User> users)
{
    public async Task<int> CountAsync(ClaimsPrincipal principal) =>
        Guid.TryParse(users.GetUserId(principal), out var userId)
            ? await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null)
            : 0;
}
