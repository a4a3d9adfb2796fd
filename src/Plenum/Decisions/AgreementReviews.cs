using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Decisions;

/// <summary>Agreements whose review date has come are marked "under review", so the group looks at them again.</summary>
public sealed class AgreementReviews : IHousekeepingJob
{
    public Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return db.Agreements.Where(a => a.Status == AgreementStatus.InForce && a.ReviewOn != null && a.ReviewOn <= today)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AgreementStatus.UnderReview), cancellationToken);
    }
}
