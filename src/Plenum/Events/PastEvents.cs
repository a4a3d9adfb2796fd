using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Events;

/// <summary>Answers go 90 days after their date; events 90 days after their last date or their cancellation.</summary>
public sealed class PastEvents : RetentionRule
{
    public override string Kind => "events and answers";
    public override string WhatIsKept => "Your groups' events (title, description, place and online link, encrypted) and who answered going, maybe, not going or joined the waiting list for each date.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(90);
    public override string AfterwardsIt => "deleted, counted from the date answered for, or from an event's last date or its cancellation";

    public override async Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        // Dates are in each event's own zone; one day more keeps a date until it is over everywhere.
        var lastDay = DateOnly.FromDateTime(cutoff.UtcDateTime).AddDays(-1);
        var over = db.GroupEvents.Where(e => e.LastEndsAt < cutoff || e.CancelledAt < cutoff);
        var answers = await db.Rsvps.Where(r => r.OccurrenceDate < lastDay || over.Any(e => e.Id == r.EventId)).ExecuteDeleteAsync(cancellationToken);
        return answers + await over.ExecuteDeleteAsync(cancellationToken);
    }
}
