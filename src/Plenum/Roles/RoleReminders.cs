using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Notifications;
using Plenum.Privacy;

namespace Plenum.Roles;

/// <summary>Reminds a group, once per term, that a role changes hands soon and whose turn is next.</summary>
public sealed class RoleReminders(Rotation rotation, Notifier notifier) : IHousekeepingJob
{
    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ending = await db.RoleTerms.Where(t => t.ReminderSentAt == null && t.EndsAt > now && t.StartsAt <= now
                && !db.RoleTerms.Any(next => next.RoleId == t.RoleId && next.StartsAt >= t.EndsAt))
            .Join(db.RotatingRoles, t => t.RoleId, r => r.Id, (t, r) => new { Term = t, Role = r }).ToListAsync(cancellationToken);
        foreach (var due in ending.Where(e => e.Term.EndsAt <= now.AddDays(e.Role.ReminderDays)))
        {
            var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == due.Role.GroupId, cancellationToken);
            var next = await rotation.NextHolderAsync(due.Role, cancellationToken);
            var nextName = next is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.UserName).SingleAsync(cancellationToken) : null;
            // Marked first: a crash after this loses one reminder rather than sending it twice.
            due.Term.ReminderSentAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await notifier.GroupNoticeAsync(group, NotificationKind.RoleHandover,
                $"the {due.Role.Name} term ends {due.Term.EndsAt:yyyy-MM-dd}; next in turn: {nextName ?? "nobody eligible"}",
                $"/groups/{group.Slug}/roles", cancellationToken);
        }
    }
}
