using ImageMagick;

namespace Plenum.Alerts;

public sealed record CleanPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Turns a reporter's upload into a JPEG that carries nothing but pixels: no EXIF (GPS, camera, times), XMP,
/// IPTC, ICC, comments, maker notes or thumbnails, any of which can identify or locate the reporter.
/// </summary>
public static class ReportPhotos
{
    public const int MaxUploadBytes = 10 * 1024 * 1024;
    public const int MaxEdgePixels = 2048;
    const long MaxSourcePixels = 40_000_000;
    const uint JpegQuality = 82;

    const string NotAPhoto = "This file is not a photo we can use. Please send a JPEG, PNG, WebP, HEIC or GIF picture.";
    const string Damaged = "This photo seems damaged or incomplete. Please try sending it again, or take a new one.";
    const string TooBig = "This photo is larger than 10 MB. Please send a smaller photo, for example a screenshot of it.";
    const string TooManyPixels = "This picture is too large to handle. Please send a smaller photo, for example a screenshot of it.";

    static ReportPhotos() => MagickLockdown.Apply();

    /// Reads an uploaded image (JPEG, PNG, WebP, HEIC; GIF first frame), applies the EXIF orientation to the pixels,
    /// removes every metadata profile and comment, shrinks so the longer edge is at most MaxEdgePixels, and
    /// re-encodes as a baseline JPEG. Anything else (not an image, too large, too many pixels, corrupt) throws a
    /// ReportPhotoException with a one-line message for the reporter.
    public static CleanPhoto Clean(Stream upload)
    {
        var bytes = ReadLimited(upload);
        var format = Inspect(bytes);
        try
        {
            using var decoded = Decode(bytes, format);
            using var clean = PixelsOnly(decoded);
            clean.Quality = JpegQuality;
            clean.Settings.Interlace = Interlace.NoInterlace;
            return new CleanPhoto(clean.ToByteArray(MagickFormat.Jpeg), (int)clean.Width, (int)clean.Height);
        }
        catch (MagickResourceLimitErrorException)
        {
            throw new ReportPhotoException(TooManyPixels);
        }
        catch (MagickException)
        {
            throw new ReportPhotoException(Damaged);
        }
    }

    static byte[] ReadLimited(Stream upload)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = upload.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes) throw new ReportPhotoException(TooBig);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new ReportPhotoException(NotAPhoto);
        return buffer.ToArray();
    }

    /// The format comes from the content alone; the size is checked from the header before any pixel is decoded.
    static MagickFormat Inspect(byte[] bytes)
    {
        IMagickImageInfo info;
        try
        {
            info = new MagickImageInfo(bytes, FirstFrame(MagickFormat.Unknown));
        }
        catch (MagickResourceLimitErrorException)
        {
            throw new ReportPhotoException(TooManyPixels);
        }
        catch (MagickException)
        {
            throw new ReportPhotoException(NotAPhoto);
        }
        if (!MagickLockdown.PhotoFormats.Contains(info.Format)) throw new ReportPhotoException(NotAPhoto);
        if (info.Width == 0 || info.Height == 0) throw new ReportPhotoException(Damaged);
        if (info.Width > MagickLockdown.MaxSourceEdge || info.Height > MagickLockdown.MaxSourceEdge
            || (long)info.Width * info.Height > MaxSourcePixels)
            throw new ReportPhotoException(TooManyPixels);
        return info.Format;
    }

    static MagickImage Decode(byte[] bytes, MagickFormat format)
    {
        var image = new MagickImage();
        var truncated = false;
        image.Warning += (_, e) => truncated |= e.Message.Contains("Premature end", StringComparison.OrdinalIgnoreCase);
        image.Read(bytes, FirstFrame(format));
        if (truncated)
        {
            image.Dispose();
            throw new ReportPhotoException(Damaged);
        }
        return image;
    }

    static MagickReadSettings FirstFrame(MagickFormat format) => new() { Format = format, FrameIndex = 0, FrameCount = 1 };

    /// Orients, converts to sRGB, shrinks, flattens transparency onto white, then copies only the RGB values into
    /// a fresh image, so nothing attached to the upload can reach the output.
    static MagickImage PixelsOnly(MagickImage image)
    {
        image.AutoOrient();
        if (image.HasProfile("icc") || image.HasProfile("icm")) image.TransformColorSpace(ColorProfiles.SRGB);
        image.ColorSpace = ColorSpace.sRGB;
        if (image.Width > MaxEdgePixels || image.Height > MaxEdgePixels)
            image.Resize(new MagickGeometry(MaxEdgePixels, MaxEdgePixels));
        image.BackgroundColor = MagickColors.White;
        image.Alpha(AlphaAction.Remove);

        var rgb = image.GetPixelsUnsafe().ToByteArray(PixelMapping.RGB) ?? throw new ReportPhotoException(Damaged);
        return new MagickImage(rgb, new PixelReadSettings(image.Width, image.Height, StorageType.Char, PixelMapping.RGB));
    }
}
