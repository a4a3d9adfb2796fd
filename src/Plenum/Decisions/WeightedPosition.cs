using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Decisions;

/// <summary>A stored ballot's content and what it counts for: 1, or the voter's weight where the class weighs votes.</summary>
public sealed record WeightedPosition(string Position, int Weight)
{
    /// <summary>Every ballot of a decision: from the secret box, or the open votes.</summary>
    public static Task<List<WeightedPosition>> OfAsync(PlenumDb db, Decision decision, CancellationToken cancellationToken = default) => decision.Secret
        ? db.SecretBallots.Where(b => b.DecisionId == decision.Id).Select(b => new WeightedPosition(b.Position, b.Weight)).ToListAsync(cancellationToken)
        : db.OpenVotes.Where(v => v.DecisionId == decision.Id).Select(v => new WeightedPosition(v.Position, v.Weight)).ToListAsync(cancellationToken);
}
