using Plenum.Privacy;

namespace Plenum.Aid;

/// <summary>
/// A message between a requester and one accepted volunteer, through Plenum so neither needs to give a
/// number or address. One thread per claim; purged with the request's contact details.
/// </summary>
public sealed class AidMessage
{
    public Guid Id { get; set; }
    public Guid ClaimId { get; set; }
    public bool FromRequester { get; set; }
    [Sensitive] public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
