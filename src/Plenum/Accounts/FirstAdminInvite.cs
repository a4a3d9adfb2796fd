using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Accounts;

/// <summary>The one-time link that makes its user the instance's first administrator.</summary>
public static class FirstAdminInvite
{
    static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    /// <summary>
    /// While nobody has an account, each start makes a fresh link and revokes earlier unused ones,
    /// so only the most recently printed link works.
    /// </summary>
    public static async Task<string?> CreateIfNoAccountsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<PlenumDb>();
        if (await db.Users.AnyAsync(cancellationToken)) return null;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.Invitations.Where(i => i.GrantsInstanceAdmin && i.Uses == 0 && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now), cancellationToken);
        return await CreateAsync(services, cancellationToken);
    }

    public static async Task<string> CreateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var links = services.GetRequiredService<InviteLinks>();
        var created = await links.CreateAsync(null, null, ValidFor, maxUses: 1, grantsInstanceAdmin: true, cancellationToken: cancellationToken);
        return created.Path;
    }
}
