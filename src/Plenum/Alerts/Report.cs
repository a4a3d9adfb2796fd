using Plenum.Privacy;

namespace Plenum.Alerts;

public enum ReportSource { PublicForm, Phone, Api }

/// <summary>
/// What one person saw. Nothing about the reporter is kept but an optional way to reply, and only for
/// <see cref="AlertNetwork.ReporterContactHours"/>; the follow link is stored as a keyed hash.
/// </summary>
public sealed class Report
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid IncidentId { get; set; }
    public Guid ZoneId { get; set; }
    [Sensitive] public required string What { get; set; }
    [Sensitive] public required string Where { get; set; }
    public DateTimeOffset SeenAt { get; set; }
    public int? HowMany { get; set; }
    [Sensitive] public string? Needed { get; set; }
    public ReportSource Source { get; set; }
    /// <summary>A keyed hash of the reporter's follow link; gone with the contact.</summary>
    public string? FollowHash { get; set; }
    [Sensitive] public string? ReplyContact { get; set; }
    public DateTimeOffset? ContactPurgeAt { get; set; }
    /// <summary>The dispatcher who took it by phone; null for the public form.</summary>
    public Guid? TakenById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
