using System.Security.Cryptography;

namespace Plenum.Privacy;

/// <summary>
/// Removes the client's IP address from every request before any other code sees it, so nothing
/// can log or store it by accident. Rate limiting still needs to tell clients apart: it gets an
/// opaque bucket derived with a key that lives only in memory and changes on every restart.
/// </summary>
public sealed class ClientAddressEraser(RequestDelegate next)
{
    public const string BucketItem = "plenum.client-bucket";
    static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);

    public Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        context.Items[BucketItem] = address is null
            ? "unknown"
            : Convert.ToHexString(HMACSHA256.HashData(ProcessKey, address.GetAddressBytes()), 0, 8);
        context.Connection.RemoteIpAddress = null;
        context.Request.Headers.Remove("X-Forwarded-For");
        context.Request.Headers.Remove("X-Real-IP");
        context.Request.Headers.UserAgent = default;
        return next(context);
    }

    public static string BucketOf(HttpContext context) => context.Items[BucketItem] as string ?? "unknown";
}
