using Plenum.Accounts;

namespace Plenum.Groups;

/// <summary>What happened in a group that members should be able to look back on (joins, removals, settings).</summary>
public sealed class GroupLogEntry
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid? ActorId { get; set; }
    public User? Actor { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}
