using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Notifications;

/// <summary>For people who chose a daily digest: at most one e-mail per group per day, listing the pending notices.</summary>
public sealed class DailyDigests(Notifier notifier) : IHousekeepingJob
{
    static readonly TimeSpan Every = TimeSpan.FromDays(1);

    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.Notifications.Where(n => n.DigestPending)
            .Select(n => new { n.UserId, n.GroupId }).Distinct().ToListAsync(cancellationToken);
        foreach (var box in pending)
        {
            var setting = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == box.UserId && s.GroupId == box.GroupId, cancellationToken);
            if (setting is { LastDigestAt: { } last } && now - last < Every) continue;
            var notices = await db.Notifications.Where(n => n.DigestPending && n.UserId == box.UserId && n.GroupId == box.GroupId)
                .OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
            foreach (var notice in notices) notice.DigestPending = false;
            var person = await db.Users.Where(u => u.Id == box.UserId).Select(u => new { u.Email, u.EmailConfirmed }).SingleAsync(cancellationToken);
            // Someone who switched away from the digest or removed their address since gets nothing.
            if (setting?.Volume == NotificationVolume.DailyDigest && person is { EmailConfirmed: true, Email.Length: > 0 })
            {
                setting.LastDigestAt = now;
                var body = string.Join("\n", notices.Select(n => $"- {n.Text}")) + $"\n\n{notifier.Link("/notifications")}\n";
                await notifier.SendQuietlyAsync(person.Email, "Plenum: your daily digest", body, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
