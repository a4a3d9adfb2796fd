using System.Globalization;

namespace Plenum.Discussions;

/// <summary>File sizes as people read them ("812 bytes", "48 KB", "3.4 MB").</summary>
public static class FileSizes
{
    public static string Describe(long bytes) => bytes switch
    {
        1 => "1 byte",
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Round(bytes / 1024.0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };
}
