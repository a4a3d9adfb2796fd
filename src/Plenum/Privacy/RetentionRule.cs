using Plenum.Data;

namespace Plenum.Privacy;

/// <summary>
/// How long one kind of record lives, and what happens when it expires. Every feature that keeps
/// records about people declares one; the housekeeping job applies them and /privacy lists them.
/// </summary>
public abstract class RetentionRule
{
    public abstract string Kind { get; }
    public abstract string WhatIsKept { get; }
    public abstract TimeSpan KeptFor { get; }
    /// <summary>"deleted" or "anonymised", as shown to members.</summary>
    public abstract string AfterwardsIt { get; }

    /// <summary>Deletes or anonymises what is older than the rule allows; returns how many records it touched.</summary>
    public abstract Task<int> ApplyAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken);
}
