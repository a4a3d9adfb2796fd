namespace Plenum.Discussions;

/// <summary>Limits on files attached to discussion posts (settings "Attachments:MaxFileBytes", PLENUM_ATTACHMENTS__MAXFILEBYTES, …).</summary>
public sealed class AttachmentOptions
{
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxFilesPerPost { get; set; } = 5;

    /// <summary>Room in an upload's body for the post's text (20000 characters, at most 80 KB in UTF-8), the other fields and the multipart framing.</summary>
    const long FormFieldsAllowance = 1024 * 1024;

    /// <summary>The largest body a form with files may send: every file at its largest, plus the text.</summary>
    public long MaxRequestBytes => MaxFilesPerPost * MaxFileBytes + FormFieldsAllowance;
}
