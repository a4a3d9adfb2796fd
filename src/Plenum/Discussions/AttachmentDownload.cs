using Microsoft.Net.Http.Headers;

namespace Plenum.Discussions;

/// <summary>The headers of a file served back, shared by the page route and the API.</summary>
public static class AttachmentDownload
{
    public static void SetHeaders(HttpResponse response, DiscussionAttachment attachment)
    {
        // Only images open in the browser; anything else is saved, so no uploaded file runs as a page of this site.
        var disposition = new ContentDispositionHeaderValue(AttachmentTypes.IsImage(attachment.ContentType) ? "inline" : "attachment");
        // Both the plain filename= (non-ASCII replaced) and the UTF-8 filename*=, properly quoted.
        disposition.SetHttpFileName(attachment.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        // SecurityHeaders sets this for every response; a served upload is where sniffing would hurt, so it is not left to that alone.
        response.Headers.XContentTypeOptions = "nosniff";
        // A closed group's file should not linger in a browser cache on a phone that may be taken.
        response.Headers.CacheControl = "private, no-store";
    }
}
