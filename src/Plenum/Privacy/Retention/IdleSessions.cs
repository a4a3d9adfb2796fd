using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Privacy.Retention;

public sealed class IdleSessions : RetentionRule
{
    public override string Kind => "sign-in sessions";
    public override string WhatIsKept => "When you signed in and when you were last seen (to the nearest ten minutes), per browser. No IP address, no browser name.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(30);
    public override string AfterwardsIt => "deleted (you are signed out)";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return db.Sessions.Where(s => s.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
