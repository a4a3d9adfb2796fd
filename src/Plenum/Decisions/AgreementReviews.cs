using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Notifications;
using Plenum.Privacy;

namespace Plenum.Decisions;

/// <summary>
/// Keeps the register current: agreements past their last day are marked expired, and those whose
/// review date has come are marked "under review" and the group's members are reminded, once.
/// </summary>
public sealed class AgreementReviews(Notifier notifier) : IHousekeepingJob
{
    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await db.Agreements.Where(a => (a.Status == AgreementStatus.InForce || a.Status == AgreementStatus.UnderReview) && a.ExpiresOn != null && a.ExpiresOn < today)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AgreementStatus.Expired), cancellationToken);
        var due = await db.Agreements.Where(a => a.Status == AgreementStatus.InForce && a.ReviewOn != null && a.ReviewOn <= today)
            .Select(a => new { a.Id, a.DecisionId }).ToListAsync(cancellationToken);
        foreach (var agreement in due)
        {
            // The status change is the "sent" mark: a crash before it means the reminder goes out again, never not at all.
            var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == agreement.DecisionId, cancellationToken);
            await notifier.AgreementDueForReviewAsync(decision, cancellationToken);
            await db.Agreements.Where(a => a.Id == agreement.Id)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AgreementStatus.UnderReview), cancellationToken);
        }
    }
}
