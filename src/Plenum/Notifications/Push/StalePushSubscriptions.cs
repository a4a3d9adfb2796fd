using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Notifications.Push;

/// <summary>A browser that received nothing for a year is most likely gone; its subscription goes too.</summary>
public sealed class StalePushSubscriptions : RetentionRule
{
    public override string Kind => "push subscriptions";
    public override string WhatIsKept => "For each browser where you turned push on: the address its push service gave it and its keys (encrypted), when you turned it on and when a notice last reached it.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(365);
    public override string AfterwardsIt => "deleted, counted from the last notice delivered (sooner when you remove it or the push service says the browser is gone)";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return db.PushSubscriptions.Where(s => s.LastSuccessAt < cutoff || (s.LastSuccessAt == null && s.CreatedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
