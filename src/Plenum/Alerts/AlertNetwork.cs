using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>
/// A group that runs a rapid response network, and the rules it chose for it: how many verifiers must
/// confirm before responders are alerted, how long things are kept, where its SMS or Signal gateway listens.
/// </summary>
public sealed class AlertNetwork
{
    public const int DefaultVerifications = 2;

    public Guid GroupId { get; set; }
    /// <summary>The two-person rule by default: one person alone cannot wake the whole network.</summary>
    public int VerificationsNeeded { get; set; } = DefaultVerifications;
    /// <summary>Whether anyone, without an account, may report through the public form.</summary>
    public bool PublicReports { get; set; } = true;
    /// <summary>How long a reporter's reply channel is kept.</summary>
    public int ReporterContactHours { get; set; } = 48;
    /// <summary>How long an incident's record is kept after it is closed.</summary>
    public int IncidentRetentionDays { get; set; } = 90;
    /// <summary>How long after "I'm on site" a responder must check in before the dispatchers and legal support are alerted.</summary>
    public int CheckInMinutes { get; set; } = 60;
    /// <summary>How long a message may go unreceived on one channel before the next one in the person's order is tried.</summary>
    public int FallbackSeconds { get; set; } = 60;
    /// <summary>How long a roll-call waits for answers before paging more widely.</summary>
    public int WidenAfterSeconds { get; set; } = 120;
    /// <summary>The network's own gateway (SMS, Signal…) that takes signed JSON messages, each for up to 100 people.</summary>
    [Sensitive] public string? WebhookUrl { get; set; }
    /// <summary>The key the gateway checks each message's signature with.</summary>
    [Sensitive] public string? WebhookSecret { get; set; }
    /// <summary>Comma-separated skills responders may name (legal observer, first aid, a language…).</summary>
    public string Skills { get; set; } = "legal observer,first aid,interpreter,driver";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the organisers were last warned that alerts are not going out, so they are not warned every minute.</summary>
    public DateTimeOffset? PipelineWarnedAt { get; set; }

    public IReadOnlyList<string> SkillList => AlertText.SplitList(Skills);
}
