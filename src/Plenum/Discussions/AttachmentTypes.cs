namespace Plenum.Discussions;

/// <summary>
/// The kinds of file a post may carry, known by their extension. The content type served is the one
/// listed here, never what the browser claimed; binary kinds must also start as such a file does, so
/// a renamed program or page is refused and an image link always shows an image. SVG is left out on
/// purpose: it can carry script.
/// </summary>
public static class AttachmentTypes
{
    public sealed record Kind(string Extension, string ContentType, string Description, Func<byte[], bool> LooksRight);

    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    /// <summary>OpenDocument and Office files are zip archives.</summary>
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    static bool StartsWith(byte[] content, ReadOnlySpan<byte> start) => content.AsSpan().StartsWith(start);
    /// <summary>Text has no signature to check; it is only ever downloaded, never shown in the page.</summary>
    static bool AnyText(byte[] _) => true;

    static readonly Kind[] Allowed =
    [
        new(".png", "image/png", "PNG image", c => StartsWith(c, Png)),
        new(".jpg", "image/jpeg", "JPEG image", c => StartsWith(c, Jpeg)),
        new(".jpeg", "image/jpeg", "JPEG image", c => StartsWith(c, Jpeg)),
        new(".webp", "image/webp", "WebP image", c => StartsWith(c, "RIFF"u8) && c.AsSpan(Math.Min(8, c.Length)).StartsWith("WEBP"u8)),
        new(".gif", "image/gif", "GIF image", c => StartsWith(c, "GIF87a"u8) || StartsWith(c, "GIF89a"u8)),
        new(".pdf", "application/pdf", "PDF document", c => StartsWith(c, "%PDF-"u8)),
        new(".txt", "text/plain", "text file", AnyText),
        new(".md", "text/markdown", "Markdown file", AnyText),
        new(".csv", "text/csv", "CSV table", AnyText),
        new(".odt", "application/vnd.oasis.opendocument.text", "OpenDocument text", c => StartsWith(c, Zip)),
        new(".ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet", c => StartsWith(c, Zip)),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", c => StartsWith(c, Zip)),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", c => StartsWith(c, Zip)),
    ];

    /// <summary>For the file input's accept attribute, so the phone's picker offers the right files.</summary>
    public static string AcceptList => string.Join(',', Allowed.Select(k => k.Extension));

    public const string AllowedInWords = "images (PNG, JPEG, WebP, GIF), PDF, text, Markdown, CSV, OpenDocument, Word and Excel files";

    public static Kind? ForFileName(string fileName) =>
        Allowed.FirstOrDefault(k => k.Extension == Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>Images are shown in the page; everything else is only ever downloaded.</summary>
    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);
}
