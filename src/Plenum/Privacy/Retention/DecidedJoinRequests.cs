using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Privacy.Retention;

public sealed class DecidedJoinRequests : RetentionRule
{
    public override string Kind => "join requests";
    public override string WhatIsKept => "A request to join a group, its message (encrypted) and who vouched for it.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(30);
    public override string AfterwardsIt => "deleted, counted from the decision";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return db.JoinRequests
            .Where(r => r.Status != JoinRequestStatus.Pending && r.DecidedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
