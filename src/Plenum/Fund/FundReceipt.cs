using Plenum.Privacy;

namespace Plenum.Fund;

/// <summary>A receipt or invoice attached to a ledger entry; its content is always encrypted (a receipt can name a person in need).</summary>
public sealed class FundReceipt
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    [Sensitive] public string FileName { get; set; } = "";
    /// <summary>Decided from the allowed extension, never taken from the browser.</summary>
    public string ContentType { get; set; } = "";
    /// <summary>Of the file as uploaded, before encryption.</summary>
    public long Size { get; set; }
    /// <summary>AES-GCM encrypted under the field key.</summary>
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? UploadedById { get; set; }
}
