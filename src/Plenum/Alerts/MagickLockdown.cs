using ImageMagick;

namespace Plenum.Alerts;

/// <summary>
/// Narrows ImageMagick, for the whole process, to decoding the photo formats a phone sends and writing JPEG.
/// Every other coder is unregistered: formats such as SVG, MVG, MSL, TXT, PDF or URL can make ImageMagick read
/// local files, fetch addresses or start helper programs, and content sniffing could otherwise pick them.
/// </summary>
static class MagickLockdown
{
    public static readonly MagickFormat[] PhotoFormats =
        [MagickFormat.Jpeg, MagickFormat.Png, MagickFormat.Gif, MagickFormat.WebP, MagickFormat.Heic, MagickFormat.Heif];

    public const uint MaxSourceEdge = 20_000;

    public static void Apply()
    {
        foreach (var format in MagickNET.SupportedFormats.ToList())
            if (!PhotoFormats.Contains(format.Format))
                format.Unregister();

        // Decoders refuse absurd dimensions themselves, and pixels never spill into temporary files on disk.
        ResourceLimits.Width = MaxSourceEdge;
        ResourceLimits.Height = MaxSourceEdge;
        ResourceLimits.Disk = 0;
    }
}
