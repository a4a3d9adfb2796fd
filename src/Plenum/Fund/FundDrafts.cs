namespace Plenum.Fund;

/// <summary>Money in: Amount as typed ("12.50"); from a member (MemberId), anonymous, or from outside (Party names who).</summary>
public sealed record ContributionDraft(string? Amount, DateOnly? Date, FundSource Source, Guid? MemberId = null, string? Party = null,
    string? Category = null, string? Note = null, Guid? PledgeId = null);

/// <summary>Money promised, shown apart from the balance until a contribution fulfils it.</summary>
public sealed record PledgeDraft(string? Amount, DateOnly? Date, FundSource Source, Guid? MemberId = null, string? Party = null, string? Note = null);

/// <summary>
/// Money out, for a purpose (Category). DecisionId: the adopted spending decision it carries out; left out only
/// within the rulebook's limit without a vote. Anonymous: Recipient is kept for the treasurer alone.
/// </summary>
public sealed record DisbursementDraft(string? Amount, DateOnly? Date, string? Category, string? Recipient, bool Anonymous = false,
    Guid? DecisionId = null, string? Note = null);
