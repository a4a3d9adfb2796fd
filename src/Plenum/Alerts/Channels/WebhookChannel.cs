using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Plenum.Alerts.Channels;

/// <summary>
/// The network's own SMS or Signal gateway: one signed JSON message per person. A 2xx answer is the
/// gateway's receipt. The signature (HMAC-SHA256 of timestamp and body) lets it refuse forgeries and replays.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory clients, AlertLinks links, TimeProvider clock, ILogger<WebhookChannel> log) : IAlertChannel
{
    public const string ClientName = "alert-webhook";
    public const string SignatureHeader = "X-Plenum-Signature", TimestampHeader = "X-Plenum-Timestamp";

    public AlertChannel Kind => AlertChannel.Webhook;

    public bool CanReach(OutgoingAlert alert, Addressee person) =>
        alert.Network.WebhookUrl is { Length: > 0 } && person.GatewayAddress is { Length: > 0 };

    public async Task<ChannelOutcome> SendAsync(OutgoingAlert alert, Addressee person, string ticket, CancellationToken cancellationToken)
    {
        var message = alert.Message;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            to = person.GatewayAddress, network = alert.GroupName, incident = alert.Incident.Id, message = message.Id, sequence = message.Sequence,
            kind = AlertWording.Kind(message), type = message.Type.ToString(), status = alert.Incident.Mode.ToString(), allClear = message.AllClear,
            text = message.Text, zone = alert.ZoneName, answerUrl = links.Absolute(AlertLinks.AnswerPath(ticket) + "?via=webhook"),
        });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, alert.Network.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(alert.Network.WebhookSecret ?? "", timestamp, body));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return ChannelOutcome.Received;
            log.LogWarning("The alert gateway refused a message with status {Status}", (int)response.StatusCode);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("The alert gateway could not be reached ({Error})", error.GetType().Name);
        }
        return ChannelOutcome.Failed;
    }

    /// <summary>Hex HMAC-SHA256 over "timestamp.body", as the gateway recomputes it.</summary>
    public static string Sign(string secret, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]));
}
