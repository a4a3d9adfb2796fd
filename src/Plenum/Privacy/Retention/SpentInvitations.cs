using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Privacy.Retention;

public sealed class SpentInvitations : RetentionRule
{
    public override string Kind => "invite links";
    public override string WhatIsKept => "Who made an invite link, for which group, its limits and how often it was used (never who used it).";
    public override TimeSpan KeptFor => TimeSpan.FromDays(30);
    public override string AfterwardsIt => "deleted, counted from the link's expiry";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return db.Invitations.Where(i => i.ExpiresAt < cutoff || i.RevokedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
