using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Plenum.Infrastructure;

/// <summary>
/// Answers 413 at once when a request announces a body larger than its endpoint's declared limit (the
/// upload forms). Left to Kestrel, the limit would only trip while the form is read, and the antiforgery
/// check reads it first and reports that as an outdated form (400), which tells the person nothing.
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next)
{
    /// <summary>Bodies up to this size are read and dropped before answering; larger ones are cut off.</summary>
    const long MostDrained = 64L * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            // A browser still sending its file when the answer comes would see the connection reset, not
            // the page saying why; so a body of reasonable size is read to its end (and dropped) first.
            if (length <= MostDrained && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MostDrained;
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    }
}
