using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Events;

/// <summary>
/// Private calendar addresses that calendar apps fetch without a cookie. The secret is shown once and
/// stored as a hash, like an API token. Every fetch checks anew that the person is still in the
/// group, so leaving a group ends its events in their calendar.
/// </summary>
public sealed class CalendarFeeds(PlenumDb db, TimeProvider clock)
{
    public const string SecretPrefix = "plenumcal_";
    /// <summary>Events over for longer than this drop out of feeds (retention deletes them soon after anyway).</summary>
    static readonly TimeSpan PastShown = TimeSpan.FromDays(90);
    const int MostEvents = 1000;

    /// <summary>A new secret address for the person's feed of one group (or of all their groups), replacing the one before.</summary>
    public async Task<string> RenewAsync(Guid userId, Guid? groupId, CancellationToken cancellationToken = default)
    {
        var secret = SecretPrefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Of(userId, groupId).ExecuteDeleteAsync(cancellationToken);
        db.CalendarFeedTokens.Add(new CalendarFeedToken
        {
            Id = Guid.NewGuid(), UserId = userId, GroupId = groupId, CreatedAt = clock.GetUtcNow(),
            SecretHash = AccessTokenAuthentication.HashSecret(secret), Hint = secret[..(SecretPrefix.Length + 4)],
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return secret;
    }

    public Task<int> RevokeAsync(Guid userId, Guid? groupId, CancellationToken cancellationToken = default) =>
        Of(userId, groupId).ExecuteDeleteAsync(cancellationToken);

    public Task<CalendarFeedToken?> FindAsync(Guid userId, Guid? groupId, CancellationToken cancellationToken = default) =>
        Of(userId, groupId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The calendar behind a secret, or null when the secret is unknown or revoked, or its group is no longer the person's.</summary>
    public async Task<string?> ReadAsync(string secret, Func<Group, Guid, string> eventLink, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var hash = AccessTokenAuthentication.HashSecret(secret);
        var token = await db.CalendarFeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null || !await db.Users.AnyAsync(u => u.Id == token.UserId && u.DeletedAt == null, cancellationToken)) return null;
        var groups = await db.Memberships.Where(m => m.UserId == token.UserId && (token.GroupId == null || m.GroupId == token.GroupId))
            .Select(m => m.Group).AsNoTracking().ToDictionaryAsync(g => g.Id, cancellationToken);
        if (token.GroupId is { } groupId && !groups.ContainsKey(groupId)) return null;
        var shownFrom = clock.GetUtcNow() - PastShown;
        var ids = groups.Keys.ToList();
        var events = await db.GroupEvents.AsNoTracking()
            .Where(e => ids.Contains(e.GroupId) && (e.LastEndsAt == null || e.LastEndsAt > shownFrom))
            .OrderBy(e => e.StartsAt).Take(MostEvents).ToListAsync(cancellationToken);
        var name = token.GroupId is { } id ? $"{groups[id].Name} (Plenum)" : "My groups (Plenum)";
        return EventCalendar.Write(name, events.Select(e => (e, groups[e.GroupId])), eventLink);
    }

    IQueryable<CalendarFeedToken> Of(Guid userId, Guid? groupId) =>
        db.CalendarFeedTokens.Where(t => t.UserId == userId && t.GroupId == groupId);
}
