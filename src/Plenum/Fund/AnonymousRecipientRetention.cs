using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Fund;

/// <summary>
/// Who an anonymous payment went to is needed for a year's accounts and questions about them, not for
/// good; after that the ledger line stays, the name goes.
/// </summary>
public sealed class AnonymousRecipientRetention : RetentionRule
{
    public override string Kind => "anonymous recipients of the common fund";
    public override string WhatIsKept => "Who received an anonymous payment from a group's common fund (encrypted, shown only to the group's treasurer). The ledger line itself, without the name, stays with the group's accounts.";
    public override TimeSpan KeptFor => TimeSpan.FromDays(400);
    public override string AfterwardsIt => "deleted";

    public override Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return db.AnonymousRecipients.Where(r => r.RecordedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
