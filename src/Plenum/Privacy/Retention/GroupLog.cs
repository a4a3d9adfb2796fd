using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Privacy.Retention;

public sealed class GroupLog : RetentionRule
{
    public override string Kind => "group log";
    public override string WhatIsKept => "Joins, departures, removals and setting changes in a group, with the pseudonym of who did them.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(365);
    public override string AfterwardsIt => "deleted";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return db.GroupLog.Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
