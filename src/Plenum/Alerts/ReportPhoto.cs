namespace Plenum.Alerts;

/// <summary>
/// A photo with a report, stored only after its metadata is stripped (see <see cref="ReportPhotos"/>) and
/// encrypted. The original upload is never kept: its location data could identify the reporter.
/// </summary>
public sealed class ReportPhoto
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public Guid IncidentId { get; set; }
    /// <summary>The cleaned JPEG, AES-GCM encrypted.</summary>
    public byte[] Content { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
