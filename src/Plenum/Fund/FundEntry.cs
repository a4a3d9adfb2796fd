using Plenum.Privacy;

namespace Plenum.Fund;

public enum FundEntryKind
{
    /// <summary>Money that came in.</summary>
    Contribution,
    /// <summary>Money promised; it counts in no balance until a contribution fulfils it.</summary>
    Pledge,
    /// <summary>A pledge that will not be paid, withdrawn by its giver or closed by the treasurer.</summary>
    PledgeWithdrawn,
    /// <summary>Money paid out.</summary>
    Disbursement,
    /// <summary>Undoes an earlier contribution or disbursement: the ledger is corrected, never edited.</summary>
    Reversal,
}

/// <summary>Who a contribution or pledge came from.</summary>
public enum FundSource { Member, Anonymous, Outside }

/// <summary>
/// One line of a group's common fund ledger. Entries are only ever added: a mistake is corrected by a
/// reversing entry, so what was recorded, by whom and when stays visible.
/// Amounts are positive integers in the minor unit (cents) of the fund's currency; the kind gives the sign.
/// </summary>
public sealed class FundEntry
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    /// <summary>1, 2, 3… within the group; unique, so two entries written at once cannot both pass the balance check.</summary>
    public int Number { get; set; }
    public FundEntryKind Kind { get; set; }
    public long Amount { get; set; }
    /// <summary>The day the money moved (or was promised), as the treasurer gives it.</summary>
    public DateOnly Date { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public FundSource? Source { get; set; }
    /// <summary>The member a contribution or pledge came from, when <see cref="Source"/> is Member.</summary>
    public Guid? MemberId { get; set; }
    /// <summary>Who gave from outside the group (a fair, another union), or who a disbursement paid when not anonymous.</summary>
    [Sensitive] public string? Party { get; set; }
    /// <summary>What for (rent support, printing…): the report groups by it.</summary>
    [Sensitive] public string? Category { get; set; }
    [Sensitive] public string? Note { get; set; }
    /// <summary>For a disbursement: the adopted decision it carries out, or null when within the rulebook's limit without a vote.</summary>
    public Guid? DecisionId { get; set; }
    /// <summary>For a disbursement: its recipient is kept in <see cref="AnonymousRecipient"/>, for the treasurer's eyes only.</summary>
    public bool AnonymousRecipient { get; set; }
    /// <summary>For a contribution that pays a pledge, or a withdrawal: the pledge.</summary>
    public Guid? PledgeId { get; set; }
    /// <summary>For a reversal: the entry it undoes.</summary>
    public Guid? ReversesId { get; set; }

    /// <summary>What this entry does to the balance, before any reversal of it.</summary>
    public long BalanceEffect => Kind switch
    {
        FundEntryKind.Contribution => Amount,
        FundEntryKind.Disbursement => -Amount,
        _ => 0,
    };
}
