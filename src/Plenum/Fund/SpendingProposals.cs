using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Fund;

/// <summary>
/// Puts spending from the fund to the group as a decision of its rulebook's money class (or the general
/// class if the group removed it), with the amount stored beside it so a payment can be checked against it.
/// </summary>
public sealed class SpendingProposals(PlenumDb db, DecisionOpening opening, Rulebooks rulebooks, FundLedger ledger)
{
    public const string SpendingClass = "money";

    public async Task<Decision> ProposeAsync(Group group, Membership proposer, string? amount, string? purpose, string? why, DateTimeOffset closesAt, bool secret,
        CancellationToken cancellationToken = default)
    {
        var account = await ledger.AccountAsync(group.Id, cancellationToken) ?? throw new FundRuleException("The fund is not started yet: the treasurer or a coordinator chooses its currency first.");
        var minor = Money.Parse(amount, account.Currency);
        var what = (purpose ?? "").Trim();
        if (what.Length is < 3 or > FundLedger.MaxCategoryLength) throw new FundRuleException($"Say what the money is for in 3 to {FundLedger.MaxCategoryLength} characters.");
        var classKey = await ClassKeyAsync(group.Id, cancellationToken);
        var sum = Money.Format(minor, account.Currency);
        var text = $"Spend {sum} from the common fund on: {what}.{(string.IsNullOrWhiteSpace(why) ? "" : "\n\n" + why.Trim())}\n\nIf adopted, the treasurer may pay out up to {sum} linked to this decision.";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Decision decision;
        try
        {
            decision = await opening.OpenAsync(group, proposer, new DecisionDraft(classKey, DecisionText.ShortTitle($"Spend {sum}: {what}"), text, closesAt, secret, null), cancellationToken);
        }
        catch (DecisionRuleException refusal)
        {
            throw new FundRuleException(refusal.Message);
        }
        db.SpendingProposals.Add(new SpendingProposal { DecisionId = decision.Id, GroupId = group.Id, Amount = minor, Currency = account.Currency });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return decision;
    }

    /// <summary>The class spending is decided in under the rulebook in force.</summary>
    public async Task<string> ClassKeyAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        var rulebook = await rulebooks.CurrentAsync(groupId, cancellationToken) ?? throw new FundRuleException("This group has no rulebook yet: a coordinator chooses one on the decisions page first.");
        return (rulebook.Class(SpendingClass) ?? rulebook.Class("general") ?? rulebook.Classes[0]).Key;
    }

    /// <summary>The group's spending decisions with what they allow and what is paid out, newest first.</summary>
    public async Task<IReadOnlyList<(Decision Decision, SpendingProposal Proposal)>> ListAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        var rows = await db.SpendingProposals.Where(p => p.GroupId == groupId)
            .Join(db.Decisions, p => p.DecisionId, d => d.Id, (p, d) => new { p, d }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.d.OpenedAt).Select(r => (r.d, r.p))];
    }
}
