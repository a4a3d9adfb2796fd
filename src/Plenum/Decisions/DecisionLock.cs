using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Decisions;

/// <summary>
/// Votes and the closing of one decision take turns, inside their transactions: a vote must not land
/// in a decision that closed a moment before, nor a secret vote undo another's rewrite of the box.
/// SQLite transactions already take the write lock when they begin; PostgreSQL locks the decision's row.
/// </summary>
public static class DecisionLock
{
    /// <summary>Takes the lock and returns the decision's status and deadline as they stand under it.</summary>
    public static async Task<(DecisionStatus Status, DateTimeOffset ClosesAt)> AcquireAsync(PlenumDb db, Guid decisionId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Decisions\" WHERE \"Id\" = {decisionId} FOR UPDATE", cancellationToken);
        var current = await db.Decisions.AsNoTracking().Where(d => d.Id == decisionId)
            .Select(d => new { d.Status, d.ClosesAt }).SingleAsync(cancellationToken);
        return (current.Status, current.ClosesAt);
    }
}
