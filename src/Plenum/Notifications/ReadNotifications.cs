using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Notifications;

/// <summary>Read notices are only history; unread ones stay until read, however old.</summary>
public sealed class ReadNotifications : RetentionRule
{
    public override string Kind => "notifications";
    public override string WhatIsKept => "Notices to you about your groups' decisions (the title, encrypted), and when you read them.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(90);
    public override string AfterwardsIt => "deleted, counted from when you read them";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return db.Notifications.Where(n => n.ReadAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
