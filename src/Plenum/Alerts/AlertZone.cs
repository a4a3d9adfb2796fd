namespace Plenum.Alerts;

/// <summary>A coarse area a network covers (a district, a campus): never finer, so no one's home can be read from it.</summary>
public sealed class AlertZone
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public required string Name { get; set; }
}
