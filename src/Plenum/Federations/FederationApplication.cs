namespace Plenum.Federations;

/// <summary>A group asking to join a federation; a federation coordinator accepts it.</summary>
public sealed class FederationApplication
{
    public Guid Id { get; set; }
    public Guid FederationId { get; set; }
    public Guid GroupId { get; set; }
    public Groups.Group? Group { get; set; }
    public Guid? RequestedById { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
