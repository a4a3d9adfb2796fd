using System.Text;
using ImageMagick;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.Xmp;
using Plenum.Alerts;
using MetadataDirectory = MetadataExtractor.Directory;
using Rational = ImageMagick.Rational;

namespace Plenum.Tests.Alerts;

public class ReportPhotosTests
{
    const string CameraMake = "SnoopCam";
    const string CameraModel = "Tracker 9000";
    const string Secret = "Alex Reporter, Hauptstrasse 5";

    [Fact]
    public void A_phone_jpeg_loses_gps_camera_xmp_and_comment()
    {
        var upload = PhoneJpeg();
        var before = Metadata(upload);
        Assert.NotEmpty(before.OfType<GpsDirectory>());
        Assert.Equal(CameraMake, before.OfType<ExifIfd0Directory>().Single().GetString(ExifDirectoryBase.TagMake));
        Assert.NotEmpty(before.OfType<XmpDirectory>());
        Assert.NotEmpty(before.OfType<JpegCommentDirectory>());

        var photo = ReportPhotos.Clean(new MemoryStream(upload));

        AssertCarriesNothingButPixels(photo.Jpeg);
        Assert.Equal((64, 48), (photo.Width, photo.Height));
    }

    [Fact]
    public void A_png_loses_its_text_chunks()
    {
        using var image = Picture(30, 20);
        image.SetAttribute("Author", Secret);
        image.Comment = Secret;
        var upload = image.ToByteArray(MagickFormat.Png);
        Assert.Contains(Metadata(upload).OfType<PngDirectory>(),
            d => d.Tags.Any(t => t.Description?.Contains(Secret) == true));

        var photo = ReportPhotos.Clean(new MemoryStream(upload));

        AssertCarriesNothingButPixels(photo.Jpeg);
        Assert.Equal((30, 20), (photo.Width, photo.Height));
    }

    [Theory]
    [InlineData(MagickFormat.WebP)]
    [InlineData(MagickFormat.Gif)]
    public void Other_phone_formats_come_out_as_clean_jpeg(MagickFormat format)
    {
        using var image = Picture(30, 20);
        image.SetProfile(CameraExif());
        image.Comment = Secret;

        var photo = ReportPhotos.Clean(new MemoryStream(image.ToByteArray(format)));

        AssertCarriesNothingButPixels(photo.Jpeg);
        Assert.Equal((30, 20), (photo.Width, photo.Height));
    }

    [Fact]
    public void Only_the_first_frame_of_an_animated_gif_is_kept()
    {
        using var frames = new MagickImageCollection { Picture(30, 20), Picture(10, 10) };

        var photo = ReportPhotos.Clean(new MemoryStream(frames.ToByteArray(MagickFormat.Gif)));

        Assert.Equal((30, 20), (photo.Width, photo.Height));
    }

    [Fact]
    public void The_exif_orientation_is_applied_to_the_pixels()
    {
        // Left half red, right half blue; orientation 6 means "turn a quarter clockwise to view".
        using var image = Picture(40, 20, (x, _) => x < 20 ? ((byte)255, (byte)0, (byte)0) : ((byte)0, (byte)0, (byte)255));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.SetProfile(exif);
        image.Orientation = Orientation.RightTop;
        var upload = image.ToByteArray(MagickFormat.Jpeg);
        Assert.Equal(6, Metadata(upload).OfType<ExifIfd0Directory>().Single().GetInt32(ExifDirectoryBase.TagOrientation));

        var photo = ReportPhotos.Clean(new MemoryStream(upload));

        Assert.Equal((20, 40), (photo.Width, photo.Height));
        using var upright = new MagickImage(photo.Jpeg);
        Assert.Equal(Orientation.Undefined, upright.Orientation);
        using var pixels = upright.GetPixels();
        Assert.True(pixels.GetPixel(10, 5).ToColor()!.R > 200, "the red half is on top");
        Assert.True(pixels.GetPixel(10, 35).ToColor()!.B > 200, "the blue half is at the bottom");
    }

    [Fact]
    public void A_large_photo_is_shrunk_to_the_maximum_edge_as_baseline_jpeg()
    {
        using var image = Picture(3000, 1000);

        var photo = ReportPhotos.Clean(new MemoryStream(image.ToByteArray(MagickFormat.Png)));

        Assert.Equal((ReportPhotos.MaxEdgePixels, 683), (photo.Width, photo.Height));
        Assert.True(HasMarker(photo.Jpeg, 0xC0), "baseline frame");
        Assert.False(HasMarker(photo.Jpeg, 0xC2), "no progressive frame");
    }

    [Fact]
    public void A_text_file_is_refused()
    {
        var upload = Encoding.UTF8.GetBytes("push graphic-context\nviewbox 0 0 10 10\nimage over 0,0 0,0 '/etc/passwd'\n");
        Assert.Throws<ReportPhotoException>(() => ReportPhotos.Clean(new MemoryStream(upload)));
    }

    [Fact]
    public void An_svg_is_refused()
    {
        var upload = Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><image href='file:///etc/passwd'/></svg>");
        Assert.Throws<ReportPhotoException>(() => ReportPhotos.Clean(new MemoryStream(upload)));
    }

    [Fact]
    public void An_empty_upload_is_refused()
    {
        Assert.Throws<ReportPhotoException>(() => ReportPhotos.Clean(new MemoryStream()));
    }

    [Fact]
    public void A_truncated_jpeg_is_refused()
    {
        using var image = Picture(200, 150);
        var whole = image.ToByteArray(MagickFormat.Jpeg);

        var error = Assert.Throws<ReportPhotoException>(() => ReportPhotos.Clean(new MemoryStream(whole[..(whole.Length * 6 / 10)])));
        Assert.DoesNotContain("Magick", error.Message);
    }

    [Fact]
    public void An_upload_over_the_size_limit_is_refused()
    {
        var upload = new byte[ReportPhotos.MaxUploadBytes + 1];
        var error = Assert.Throws<ReportPhotoException>(() => ReportPhotos.Clean(new MemoryStream(upload)));
        Assert.Contains("10 MB", error.Message);
    }

    [Theory]
    [InlineData(1, 60000)]
    [InlineData(8000, 6000)]
    public void A_jpeg_claiming_too_many_pixels_is_refused_before_decoding(int width, int height)
    {
        using var image = Picture(8, 8);
        var upload = WithFrameSize(image.ToByteArray(MagickFormat.Jpeg), width, height);
        var header = Metadata(upload).OfType<JpegDirectory>().Single();
        Assert.Equal((width, height), (header.GetImageWidth(), header.GetImageHeight()));

        var error = Assert.Throws<ReportPhotoException>(() => ReportPhotos.Clean(new MemoryStream(upload)));
        Assert.Contains("too large", error.Message);
    }

    [Theory]
    [InlineData(MagickFormat.Mvg, "viewbox 0 0 4 4\nfill red\nrectangle 0,0 3,3\n")]
    [InlineData(MagickFormat.Svg, "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'><rect width='4' height='4'/></svg>")]
    public void After_first_use_magick_cannot_decode_formats_that_reach_files_or_urls(MagickFormat format, string content)
    {
        ReportPhotos.Clean(new MemoryStream(PhoneJpeg()));

        Assert.ThrowsAny<MagickException>(() => new MagickImage(Encoding.UTF8.GetBytes(content), format));
    }

    internal static byte[] PhoneJpeg()
    {
        using var image = Picture(64, 48);
        image.SetProfile(CameraExif());
        image.SetProfile(new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>" +
            "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>" + Secret +
            "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")));
        image.Comment = Secret;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    static ExifProfile CameraExif()
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, CameraMake);
        exif.SetValue(ExifTag.Model, CameraModel);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(31, 1), new Rational(12, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(13, 1), new Rational(24, 1), new Rational(36, 1)]);
        return exif;
    }

    static MagickImage Picture(uint width, uint height, Func<uint, uint, (byte R, byte G, byte B)>? colour = null)
    {
        colour ??= (x, y) => ((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
        var rgb = new byte[width * height * 3];
        for (uint y = 0; y < height; y++)
            for (uint x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                var i = (y * width + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = (r, g, b);
            }
        return new MagickImage(rgb, new PixelReadSettings(width, height, StorageType.Char, PixelMapping.RGB));
    }

    internal static void AssertCarriesNothingButPixels(byte[] jpeg)
    {
        var found = Metadata(jpeg);
        Assert.Empty(found.OfType<GpsDirectory>());
        Assert.Empty(found.OfType<ExifIfd0Directory>());
        Assert.Empty(found.OfType<ExifSubIfdDirectory>());
        Assert.Empty(found.OfType<ExifThumbnailDirectory>());
        Assert.Empty(found.OfType<XmpDirectory>());
        Assert.Empty(found.OfType<IptcDirectory>());
        Assert.Empty(found.OfType<JpegCommentDirectory>());
        Assert.DoesNotContain(found, d => d.Name.Contains("ICC", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(-1, jpeg.AsSpan().IndexOf("Exif\0\0"u8));
        Assert.Equal(-1, jpeg.AsSpan().IndexOf(Encoding.ASCII.GetBytes(CameraMake)));
        Assert.Equal(-1, jpeg.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Secret)));
    }

    static IReadOnlyList<MetadataDirectory> Metadata(byte[] file) => ImageMetadataReader.ReadMetadata(new MemoryStream(file));

    // Entropy-coded data stuffs every 0xFF with 0x00, so 0xFF followed by a marker code is a real marker.
    static bool HasMarker(byte[] jpeg, byte code) => jpeg.AsSpan().IndexOf([(byte)0xFF, code]) >= 0;

    static byte[] WithFrameSize(byte[] jpeg, int width, int height)
    {
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        Assert.True(sof >= 0);
        var patched = (byte[])jpeg.Clone();
        // FF C0, length (2), precision (1), height (2), width (2), big-endian.
        (patched[sof + 5], patched[sof + 6]) = ((byte)(height >> 8), (byte)height);
        (patched[sof + 7], patched[sof + 8]) = ((byte)(width >> 8), (byte)width);
        return patched;
    }
}
