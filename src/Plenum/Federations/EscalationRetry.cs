using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Federations;

/// <summary>Opens on the federation's agenda any proposal its member groups have endorsed enough but that could not open when the last endorsement passed.</summary>
public sealed class EscalationRetry(FederationFollowUp followUp) : IHousekeepingJob
{
    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.Escalations.Where(e => e.FederationDecisionId == null && e.Endorsements.Any(x => x.GroupId == e.FromGroupId))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var escalationId in waiting) await followUp.TryOpenAsync(escalationId, cancellationToken);
    }
}
