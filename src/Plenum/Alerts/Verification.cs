using Plenum.Privacy;

namespace Plenum.Alerts;

public enum VerificationMethod { CalledReporter, SecondReport, SeenOnSite, Photo, TrustedContact, Other }

/// <summary>One verifier's finding about an incident, and how they came to it.</summary>
public sealed class Verification
{
    public Guid IncidentId { get; set; }
    public Guid UserId { get; set; }
    public bool Confirms { get; set; }
    public VerificationMethod Method { get; set; }
    [Sensitive] public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}
