using Plenum.Alerts.Cap;
using Plenum.Privacy;

namespace Plenum.Alerts;

public enum IncidentState
{
    /// <summary>Reported; only verifiers see it.</summary>
    Reported,
    /// <summary>Confirmed by enough verifiers; responders were alerted.</summary>
    Alerted,
    /// <summary>Over: all clear, or cancelled after the alert.</summary>
    Closed,
    /// <summary>Found not to be true before responders were alerted.</summary>
    FalseAlarm,
}

/// <summary>
/// Something happening that people reported: every report of it, its verification, the alerts sent about
/// it and the answers form its record. A drill is an incident too, marked <see cref="CapStatus.Exercise"/>.
/// </summary>
public sealed class Incident
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid ZoneId { get; set; }
    public IncidentState State { get; set; }
    /// <summary>Actual, or Exercise for a drill (or Test for a channel test): never mixed in lists or counts.</summary>
    public CapStatus Mode { get; set; } = CapStatus.Actual;
    [Sensitive] public required string Headline { get; set; }
    public CapUrgency Urgency { get; set; } = CapUrgency.Immediate;
    public CapSeverity Severity { get; set; } = CapSeverity.Severe;
    public CapCertainty Certainty { get; set; } = CapCertainty.Likely;
    /// <summary>What the alert asks for, e.g. "legal observer:3,interpreter:1"; empty pages every on-call responder of the zone.</summary>
    public string RollCall { get; set; } = "";
    /// <summary>How widely responders were paged so far (see <see cref="RollCallPaging"/>).</summary>
    public int PagingWave { get; set; }
    public DateTimeOffset? WidenedAt { get; set; }
    public bool Covered { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset? FirstAnswerAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    [Sensitive] public string? Outcome { get; set; }

    public bool IsOpen => State is IncidentState.Reported or IncidentState.Alerted;
}
