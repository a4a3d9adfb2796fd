using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>
/// Handing one's vote on a decision to another member, only where the decision's class allows
/// proxies, with at most the class's number of proxies per holder and no chains of proxies.
/// </summary>
public sealed class Proxies(PlenumDb db, Rulebooks rulebooks, TimeProvider clock)
{
    public async Task GiveAsync(Decision decision, Membership grantor, Guid holderUserId, CancellationToken cancellationToken = default)
    {
        if (decision.Status != DecisionStatus.Open || clock.GetUtcNow() >= decision.ClosesAt) throw new DecisionRuleException("Voting has closed.");
        var rules = (await rulebooks.VersionAsync(decision.GroupId, decision.RulebookVersion, cancellationToken))?.Class(decision.ClassKey)
            ?? throw new InvalidOperationException("A decision's rulebook version is gone.");
        if (rules.MaxProxiesPerMember <= 0) throw new DecisionRuleException("The rulebook does not allow proxy votes for this class.");
        if (grantor.UserId is not { } grantorId) throw new DecisionRuleException("Only members who are people vote here.");
        if (holderUserId == grantorId) throw new DecisionRuleException("Choose another member to carry your vote.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Memberships.AnyAsync(m => m.GroupId == decision.GroupId && m.UserId == holderUserId, cancellationToken))
            throw new DecisionRuleException("Choose a member of the group to carry your vote.");
        if (await HasVotedAsync(decision, grantorId, cancellationToken))
            throw new DecisionRuleException("You have voted already; change your vote instead.");
        if (await db.ProxyVotes.AnyAsync(p => p.DecisionId == decision.Id && p.GrantorUserId == holderUserId, cancellationToken))
            throw new DecisionRuleException("That member has handed their own vote on; a proxy cannot be passed on again.");
        if (await db.ProxyVotes.AnyAsync(p => p.DecisionId == decision.Id && p.HolderUserId == grantorId, cancellationToken))
            throw new DecisionRuleException("You carry other members' votes; you cannot hand your vote on while you do.");
        var held = await db.ProxyVotes.CountAsync(p => p.DecisionId == decision.Id && p.HolderUserId == holderUserId && p.GrantorUserId != grantorId, cancellationToken);
        if (held >= rules.MaxProxiesPerMember)
            throw new DecisionRuleException($"That member already carries {held} proxy vote(s), the most the rulebook allows.");
        await db.ProxyVotes.Where(p => p.DecisionId == decision.Id && p.GrantorUserId == grantorId).ExecuteDeleteAsync(cancellationToken);
        db.ProxyVotes.Add(new ProxyVote { Id = Guid.NewGuid(), DecisionId = decision.Id, GrantorUserId = grantorId, HolderUserId = holderUserId, GivenAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Takes a proxy back while the holder has not yet voted with it.</summary>
    public async Task TakeBackAsync(Decision decision, Membership grantor, CancellationToken cancellationToken = default)
    {
        if (grantor.UserId is not { } grantorId) return;
        if (await HasVotedAsync(decision, grantorId, cancellationToken))
            throw new DecisionRuleException(decision.Secret
                ? "Your proxy has already voted for you on this secret ballot; it stands."
                : "Your proxy has already voted for you; vote yourself to change it.");
        await db.ProxyVotes.Where(p => p.DecisionId == decision.Id && p.GrantorUserId == grantorId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The members whose votes <paramref name="holderUserId"/> carries on this decision.</summary>
    public Task<List<ProxyVote>> HeldByAsync(Guid decisionId, Guid holderUserId, CancellationToken cancellationToken = default) =>
        db.ProxyVotes.Include(p => p.Grantor).Where(p => p.DecisionId == decisionId && p.HolderUserId == holderUserId).ToListAsync(cancellationToken);

    public Task<ProxyVote?> GivenByAsync(Guid decisionId, Guid grantorUserId, CancellationToken cancellationToken = default) =>
        db.ProxyVotes.Include(p => p.Holder).FirstOrDefaultAsync(p => p.DecisionId == decisionId && p.GrantorUserId == grantorUserId, cancellationToken);

    public Task<bool> HasVotedAsync(Decision decision, Guid userId, CancellationToken cancellationToken = default) => decision.Secret
        ? db.VoterRoll.AnyAsync(v => v.DecisionId == decision.Id && v.UserId == userId, cancellationToken)
        : db.OpenVotes.AnyAsync(v => v.DecisionId == decision.Id && v.UserId == userId, cancellationToken);
}
