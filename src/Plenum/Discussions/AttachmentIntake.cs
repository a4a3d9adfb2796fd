using System.Globalization;

namespace Plenum.Discussions;

/// <summary>A checked upload, ready to be stored with its post.</summary>
public sealed record NewAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Reads the files of one post and checks them against the limits and the allowed kinds, shared by
/// pages and API. Every problem is reported, each naming its file, and if there is any the post is
/// not saved at all.
/// </summary>
public sealed class AttachmentIntake(AttachmentOptions limits)
{
    public const int MaxFileNameLength = 200;

    public sealed record Result(IReadOnlyList<NewAttachment> Files, IReadOnlyList<string> Problems)
    {
        public bool Accepted => Problems.Count == 0;
    }

    public string LimitsInWords =>
        $"Up to {limits.MaxFilesPerPost} files, at most {FileSizes.Describe(limits.MaxFileBytes)} each: {AttachmentTypes.AllowedInWords}.";

    public async Task<Result> ReadAsync(IEnumerable<IFormFile> uploads, CancellationToken cancellationToken = default)
    {
        // A file input left empty still sends one nameless, empty part.
        var chosen = uploads.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count > limits.MaxFilesPerPost)
            return new([], [$"Attach at most {limits.MaxFilesPerPost} files to one post (you chose {chosen.Count})."]);
        var files = new List<NewAttachment>();
        var problems = new List<string>();
        foreach (var upload in chosen)
        {
            var name = CleanName(upload.FileName);
            var kind = AttachmentTypes.ForFileName(name);
            var problem =
                name.Length == 0 ? "A file without a name cannot be attached." :
                name.Length > MaxFileNameLength ? $"The name of “{name[..40]}…” is longer than {MaxFileNameLength} characters; shorten it." :
                kind is null ? $"“{name}” is not a kind of file Plenum takes. Attach {AttachmentTypes.AllowedInWords}." :
                upload.Length == 0 ? $"“{name}” is empty." :
                upload.Length > limits.MaxFileBytes ? $"“{name}” is too large ({FileSizes.Describe(upload.Length)}); each file may be at most {FileSizes.Describe(limits.MaxFileBytes)}." :
                null;
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            var content = new byte[upload.Length];
            await using (var stream = upload.OpenReadStream())
                await stream.ReadExactlyAsync(content, cancellationToken);
            if (!kind!.LooksRight(content))
                problems.Add($"“{name}” does not look like a {kind.Description}: it may be damaged or carry the wrong ending.");
            else
                files.Add(new NewAttachment(name, kind.ContentType, content));
        }
        return new(problems.Count == 0 ? files : [], problems);
    }

    /// <summary>
    /// The name without any folder (some browsers send a whole path), control characters or invisible
    /// formatting such as a right-to-left override, which can make "cod.exe" read as "exe.doc".
    /// </summary>
    static string CleanName(string raw)
    {
        var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        return new string(name.Where(c => char.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format)).ToArray()).Trim();
    }
}
