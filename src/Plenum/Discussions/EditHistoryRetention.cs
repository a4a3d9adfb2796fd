using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Discussions;

/// <summary>
/// Earlier versions of edited posts. A year lets a group settle what was said; after that an edit
/// should be allowed to stand, e.g. when someone removed a detail that put a person at risk.
/// The post keeps its "edited" mark.
/// </summary>
public sealed class EditHistoryRetention : RetentionRule
{
    public override string Kind => "discussion edit history";
    public override string WhatIsKept => "The earlier text (encrypted) of a discussion post or reply that was edited, and when it was replaced.";
    /// <summary>Static so the history page can say how long versions stay without resolving the rule.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(365);
    public override TimeSpan KeptFor => Period;
    public override string AfterwardsIt => "deleted, counted from the edit";

    public override async Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptFor;
        return await db.DiscussionRevisions.Where(r => r.ReplacedAt < cutoff).ExecuteDeleteAsync(cancellationToken)
             + await db.ReplyRevisions.Where(r => r.ReplacedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
