using Plenum.Privacy;

namespace Plenum.Fund;

/// <summary>
/// Who an anonymous disbursement paid, kept apart from the ledger so that no ledger page, API answer or
/// export can carry it by accident; read only for the group's current treasurer.
/// </summary>
public sealed class AnonymousRecipient
{
    public Guid EntryId { get; set; }
    [Sensitive] public required string Name { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
