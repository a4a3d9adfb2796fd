using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Groups;

/// <summary>Archives groups whose end date has passed (an affinity group formed for one action).</summary>
public sealed class GroupArchiver : IHousekeepingJob
{
    public Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Groups.Where(g => g.ArchivedAt == null && g.EndsAt != null && g.EndsAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.ArchivedAt, now), cancellationToken);
}
