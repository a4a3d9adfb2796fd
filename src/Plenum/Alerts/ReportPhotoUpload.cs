using Microsoft.AspNetCore.Http;

namespace Plenum.Alerts;

/// <summary>A photo sent with a report, cleaned before it goes anywhere (see <see cref="ReportPhotos"/>).</summary>
public static class ReportPhotoUpload
{
    /// <summary>Room beside the photo for the form's other fields and the multipart framing.</summary>
    public const long MaxRequestBytes = ReportPhotos.MaxUploadBytes + 64 * 1024;

    /// <summary>Cleaning decodes the whole image: two at a time keeps a burst of uploads from starving everything else on a small server.</summary>
    static readonly SemaphoreSlim Cleaning = new(2);

    /// <summary>No photo gives none; a photo that is not one, or too large, is refused with a <see cref="ReportPhotoException"/>.</summary>
    public static async Task<IReadOnlyList<CleanPhoto>> CleanAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0) return [];
        if (upload.Length > ReportPhotos.MaxUploadBytes) throw new ReportPhotoException($"The photo is larger than {ReportPhotos.MaxUploadBytes / (1024 * 1024)} MB: send a smaller one.");
        await Cleaning.WaitAsync(cancellationToken);
        try
        {
            await using var stream = upload.OpenReadStream();
            return [await Task.Run(() => ReportPhotos.Clean(stream), cancellationToken)];
        }
        finally
        {
            Cleaning.Release();
        }
    }
}
