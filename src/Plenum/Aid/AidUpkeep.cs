using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Aid;

/// <summary>
/// Every few minutes: claims whose expected time passed without a check-in lapse (the need goes back on the
/// board and the volunteer is told); needs without a claim for the group's stale days are escalated to the
/// dispatchers once (until the requester says they still need it); members with enough vouches are recorded as vetted.
/// </summary>
public sealed class AidUpkeep(AidGroups groups, AidNotices notices) : IHousekeepingJob
{
    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lapsing = await db.AidClaims.Where(c => (c.Status == ClaimStatus.Offered || c.Status == ClaimStatus.Accepted) && c.ExpectedBy < now)
            .Join(db.AidRequests, c => c.RequestId, r => r.Id, (c, r) => new { Claim = c, Request = r })
            .Join(db.Groups, x => x.Request.GroupId, g => g.Id, (x, g) => new { x.Claim, x.Request, Group = g }).ToListAsync(cancellationToken);
        foreach (var lapse in lapsing) (lapse.Claim.Status, lapse.Claim.DecidedAt) = (ClaimStatus.Lapsed, now);
        // Marked before telling anyone: a notice that fails is not repeated every five minutes.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var lapse in lapsing)
            await notices.ClaimNewsAsync(lapse.Group, lapse.Request, [lapse.Claim.VolunteerId],
                "your claim lapsed because you did not check in by the time you gave; the need is back on the board", cancellationToken);

        var stuck = await (from r in db.AidRequests
                           join s in db.AidSettings on r.GroupId equals s.GroupId
                           where r.Status == AidStatus.Open && r.EscalatedAt == null
                               && !db.AidClaims.Any(c => c.RequestId == r.Id && (c.Status == ClaimStatus.Offered || c.Status == ClaimStatus.Accepted))
                           select new { Request = r, s.StaleAfterDays }).ToListAsync(cancellationToken);
        var due = stuck.Where(x => x.Request.StillNeededAt < now.AddDays(-x.StaleAfterDays)).Select(x => x.Request).ToList();
        foreach (var request in due) request.EscalatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var byGroup in due.GroupBy(r => r.GroupId))
        {
            var group = await db.Groups.SingleAsync(g => g.Id == byGroup.Key, cancellationToken);
            foreach (var request in byGroup) await notices.EscalatedAsync(group, request, "nobody has claimed it", cancellationToken);
        }

        await groups.VetByVouchesAsync(now, cancellationToken);
    }
}
