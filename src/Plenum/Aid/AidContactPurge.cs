using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Aid;

/// <summary>
/// Some days after a need is met, cancelled or referred (14 unless the group sets otherwise), its details,
/// the requester's name, contact and address, its follow link and its messages are deleted. What remains
/// (kind, area, dates, counts) carries nothing about a person and feeds the dashboard.
/// </summary>
public sealed class AidContactPurge : RetentionRule
{
    public override string Kind => "mutual aid contact details and messages";
    public override string WhatIsKept => "For a request for help: what is needed, the requester's name, phone or e-mail and address (all encrypted), the follow link's hash, and the messages between requester and volunteer (encrypted).";
    public override TimeSpan KeptFor => TimeSpan.FromDays(14);
    public override string AfterwardsIt => "deleted, counted from when the need was met or closed (the group may set another number of days); the kind of help, area and dates are kept for the group's counts";

    public override async Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = db.AidRequests.Where(r => r.PurgeDueAt < now && r.PurgedAt == null);
        await db.AidMessages.Where(m => db.AidClaims.Any(c => c.Id == m.ClaimId && due.Any(r => r.Id == c.RequestId))).ExecuteDeleteAsync(cancellationToken);
        return await due.ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Details, (string?)null).SetProperty(x => x.ContactName, (string?)null).SetProperty(x => x.Contact, (string?)null)
            .SetProperty(x => x.Address, (string?)null).SetProperty(x => x.ContactHash, (string?)null).SetProperty(x => x.FollowHash, (string?)null)
            .SetProperty(x => x.PurgedAt, now), cancellationToken);
    }
}

/// <summary>Reports about volunteers are kept a year, so a pattern can be seen, then deleted.</summary>
public sealed class AidReportRetention : RetentionRule
{
    public override string Kind => "safety reports about volunteers";
    public override string WhatIsKept => "A private report about a volunteer (encrypted), seen by the group's safety contact or coordinators; and \"not this volunteer again\" choices, kept as a keyed hash of the requester's contact.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(365);
    public override string AfterwardsIt => "deleted, counted from when it was made";

    public override async Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return await db.AidReports.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken)
            + await db.AidBlocks.Where(b => b.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
