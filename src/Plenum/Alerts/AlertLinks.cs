using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Plenum.Cli;
using Plenum.Infrastructure;
using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>What a link in an alert stands for: one person, one incident, one message.</summary>
public sealed record AlertTicket(Guid IncidentId, Guid UserId, Guid MessageId);

/// <summary>
/// The links inside an alert, so a person answers "going" or "can't" from any channel without signing in
/// on the phone in their hand. A link is sealed (nothing is stored) and expires.
/// </summary>
/// <remarks>
/// Sealed with the field key's AES-GCM rather than the data-protection API: an alert to a network seals one
/// link per person, and the data-protection API derives a fresh key and runs AES-CBC plus HMAC for each
/// (a third of a second of CPU for 10,000 people, about three times this, while every one of them is
/// waiting). Its tokens are also twice as long, and these links travel in text messages.
/// </remarks>
public sealed class AlertLinks(FieldEncryption fields, PlenumOptions options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);
    static ReadOnlySpan<byte> Purpose => "plenum alert ticket v1"u8;
    const int TicketSize = 3 * 16 + sizeof(long);

    public string Seal(AlertTicket ticket)
    {
        Span<byte> plain = stackalloc byte[TicketSize];
        ticket.IncidentId.TryWriteBytes(plain[..16]);
        ticket.UserId.TryWriteBytes(plain[16..32]);
        ticket.MessageId.TryWriteBytes(plain[32..48]);
        BinaryPrimitives.WriteInt64LittleEndian(plain[48..], (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        return Base64Url.EncodeToString(fields.SealToken(plain, Purpose));
    }

    public AlertTicket? Open(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        try
        {
            var plain = fields.OpenToken(Base64Url.DecodeFromChars(token), Purpose);
            if (plain.Length != TicketSize || BinaryPrimitives.ReadInt64LittleEndian(plain.AsSpan(48)) < clock.GetUtcNow().ToUnixTimeSeconds()) return null;
            return new AlertTicket(new Guid(plain.AsSpan(0, 16)), new Guid(plain.AsSpan(16, 16)), new Guid(plain.AsSpan(32, 16)));
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;  // forged or damaged
        }
    }

    public static string AnswerPath(string token) => $"/alerts/answer/{token}";
    public static string ReceiptPath(string token) => $"/alerts/receipt/{token}";
    public static string IncidentPath(string slug, Guid incidentId) => $"/groups/{slug}/alerts/incidents/{incidentId}";
    public static string LivePath(string slug) => $"/groups/{slug}/alerts/live";

    public string Absolute(string path) => $"{(options.PublicUrl ?? ServeCommand.DefaultUrl).TrimEnd('/')}{path}";
}
