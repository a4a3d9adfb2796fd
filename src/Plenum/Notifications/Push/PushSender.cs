using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using Plenum.Cli;
using Plenum.Infrastructure;

namespace Plenum.Notifications.Push;

public enum PushOutcome { Delivered, Gone, Refused }

/// <summary>Sends one encrypted, signed message to one browser's push service (RFC 8030).</summary>
public sealed class PushSender(IHttpClientFactory clients, VapidKeys keys, PlenumOptions options, TimeProvider clock)
{
    public const string ClientName = "push";
    /// <summary>How long a push service keeps a message for a browser that is offline: after a day a notice is stale.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(1);

    public async Task<(PushOutcome Outcome, HttpStatusCode Status)> SendAsync(PushSubscription subscription, byte[] payload, CancellationToken cancellationToken, bool urgent = false)
    {
        var endpoint = new Uri(subscription.Endpoint);
        var body = PushEncryption.Encrypt(payload, Base64Url.DecodeFromChars(subscription.P256dh), Base64Url.DecodeFromChars(subscription.Auth));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.TryAddWithoutValidation("Authorization", keys.Authorization(endpoint, Subject, clock.GetUtcNow()));
        request.Headers.Add("TTL", ((int)TimeToLive.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // "high" asks the push service to wake a sleeping phone at once: only for alerts (RFC 8030, 5.3).
        request.Headers.Add("Urgency", urgent ? "high" : "normal");
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        var outcome = response.IsSuccessStatusCode ? PushOutcome.Delivered
            : response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone ? PushOutcome.Gone
            : PushOutcome.Refused;
        return (outcome, response.StatusCode);
    }

    /// <summary>Who runs this instance, for the push service to contact about misuse: its public address.</summary>
    string Subject => options.PublicUrl ?? ServeCommand.DefaultUrl;
}
