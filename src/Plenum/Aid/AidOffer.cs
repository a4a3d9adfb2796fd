namespace Plenum.Aid;

/// <summary>A volunteer's standing offer ("I can drive in the north, evenings"): new needs that fit it are sent to them.</summary>
public sealed class AidOffer
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid VolunteerId { get; set; }
    public Guid CategoryId { get; set; }
    /// <summary>Null for every area.</summary>
    public Guid? AreaId { get; set; }
    public AidTiming Timing { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
