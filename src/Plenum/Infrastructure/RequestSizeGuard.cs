using Microsoft.AspNetCore.Http.Metadata;

namespace Plenum.Infrastructure;

/// <summary>
/// Answers 413 at once when a request announces a body larger than its endpoint's declared limit (the
/// upload forms). Left to Kestrel, the limit would only trip while the form is read, and the antiforgery
/// check reads it first and reports that as an outdated form (400), which tells the person nothing.
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
