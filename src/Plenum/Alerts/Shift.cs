namespace Plenum.Alerts;

/// <summary>A time a responder is on call for a zone, optionally in one role (e.g. as a legal observer).</summary>
public sealed class Shift
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid UserId { get; set; }
    public Guid ZoneId { get; set; }
    public string? Role { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
}
