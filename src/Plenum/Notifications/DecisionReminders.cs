using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Privacy;

namespace Plenum.Notifications;

/// <summary>
/// A day before a decision closes, reminds the members who have not voted yet, once each: the
/// DecisionClosingSoon notice itself records that the reminder went out.
/// </summary>
public sealed class DecisionReminders(Notifier notifier) : IHousekeepingJob
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var soon = now + Ahead;
        var due = await db.Decisions.Where(d => d.Status == DecisionStatus.Open && d.ClosesAt > now && d.ClosesAt <= soon).ToListAsync(cancellationToken);
        foreach (var decision in due)
        {
            // Only whether someone voted is looked at (OpenVote or the secret voter roll), never how.
            var members = db.Memberships.Where(m => m.GroupId == decision.GroupId && m.UserId != null).Select(m => m.UserId!.Value);
            var nonVoters = decision.Secret
                ? members.Where(u => !db.VoterRoll.Any(v => v.DecisionId == decision.Id && v.UserId == u))
                : members.Where(u => !db.OpenVotes.Any(v => v.DecisionId == decision.Id && v.UserId == u));
            var missing = await nonVoters
                .Where(u => !db.Notifications.Any(n => n.DecisionId == decision.Id && n.UserId == u && n.Kind == NotificationKind.DecisionClosingSoon))
                .ToListAsync(cancellationToken);
            if (missing.Count > 0) await notifier.DecisionClosingSoonAsync(decision, missing, cancellationToken);
        }
    }
}
