using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Plenum.Alerts.Channels;

/// <summary>
/// The network's own SMS or Signal gateway: one signed JSON message for up to <see cref="BatchSize"/> people, the
/// text once and each person's address and answer link. A 2xx answer is the gateway's receipt for all of them but
/// those it lists as failed. The signature (HMAC-SHA256 of timestamp and body) lets it refuse forgeries and replays.
/// </summary>
/// <remarks>
/// Batched because a round trip per person is what limits an alert to thousands: a gateway 100 ms away takes
/// 10,000 people in seconds this way, against half a minute one by one; and a gateway on a small machine parses
/// a hundredth of the requests.
/// </remarks>
public sealed class WebhookChannel(IHttpClientFactory clients, AlertLinks links, TimeProvider clock, ILogger<WebhookChannel> log) : IAlertChannel
{
    public const string ClientName = "alert-webhook";
    public const string SignatureHeader = "X-Plenum-Signature", TimestampHeader = "X-Plenum-Timestamp";
    public const int BatchSize = 100;

    public AlertChannel Kind => AlertChannel.Webhook;

    public bool CanReach(OutgoingAlert alert, Addressee person) =>
        alert.Network.WebhookUrl is { Length: > 0 } && person.GatewayAddress is { Length: > 0 };

    public async Task<ChannelOutcome> SendAsync(OutgoingAlert alert, Addressee person, string ticket, CancellationToken cancellationToken) =>
        (await SendBatchAsync(alert, [(person, ticket)], cancellationToken)).Count == 0 ? ChannelOutcome.Received : ChannelOutcome.Failed;

    /// <summary>One message to the gateway for all of <paramref name="recipients"/> (at most <see cref="BatchSize"/>, each reachable this way).</summary>
    /// <returns>The people the gateway did not take: everyone when it failed or refused, else those it listed under "failed".</returns>
    public async Task<IReadOnlySet<Guid>> SendBatchAsync(OutgoingAlert alert, IReadOnlyList<(Addressee Person, string Ticket)> recipients,
        CancellationToken cancellationToken)
    {
        var message = alert.Message;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            network = alert.GroupName, incident = alert.Incident.Id, message = message.Id, sequence = message.Sequence,
            kind = AlertWording.Kind(message), type = message.Type.ToString(), status = alert.Incident.Mode.ToString(), allClear = message.AllClear,
            text = message.Text, zone = alert.ZoneName,
            recipients = recipients.Select(r => new { to = r.Person.GatewayAddress, answerUrl = links.Absolute(AlertLinks.AnswerPath(r.Ticket) + "?via=webhook") }),
        });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, alert.Network.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(alert.Network.WebhookSecret ?? "", timestamp, body));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return NotTaken(await response.Content.ReadAsByteArrayAsync(cancellationToken), recipients);
            log.LogWarning("The alert gateway refused a message to {Count} people with status {Status}", recipients.Count, (int)response.StatusCode);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("The alert gateway could not be reached ({Error})", error.GetType().Name);
        }
        return recipients.Select(r => r.Person.UserId).ToHashSet();
    }

    /// <summary>The people whose addresses a 2xx answer lists as <c>{"failed": ["address", …]}</c>; an empty or other body lists none.</summary>
    static HashSet<Guid> NotTaken(byte[] answer, IReadOnlyList<(Addressee Person, string Ticket)> recipients)
    {
        var notTaken = new HashSet<Guid>();
        if (answer.Length == 0) return notTaken;
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("failed", out var failed) || failed.ValueKind != JsonValueKind.Array)
                return notTaken;
            var addresses = failed.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()).ToHashSet(StringComparer.Ordinal);
            foreach (var (person, _) in recipients)
                if (addresses.Contains(person.GatewayAddress)) notTaken.Add(person.UserId);
        }
        catch (JsonException) { } // a gateway that answers 2xx with something else took them all
        return notTaken;
    }

    /// <summary>Hex HMAC-SHA256 over "timestamp.body", as the gateway recomputes it.</summary>
    public static string Sign(string secret, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]));
}
