using Microsoft.AspNetCore.DataProtection;
using Plenum.Cli;
using Plenum.Infrastructure;

namespace Plenum.Alerts;

/// <summary>What a link in an alert stands for: one person, one incident, one message.</summary>
public sealed record AlertTicket(Guid IncidentId, Guid UserId, Guid MessageId);

/// <summary>
/// The links inside an alert, so a person answers "going" or "can't" from any channel without signing in
/// on the phone in their hand. A link is sealed by the data-protection keys (nothing is stored) and expires.
/// </summary>
public sealed class AlertLinks(IDataProtectionProvider protection, PlenumOptions options)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);
    readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("plenum.alerts.ticket").ToTimeLimitedDataProtector();

    public string Seal(AlertTicket ticket) =>
        _protector.Protect($"{ticket.IncidentId:N}.{ticket.UserId:N}.{ticket.MessageId:N}", Lifetime);

    public AlertTicket? Open(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = _protector.Unprotect(token).Split('.');
            return parts.Length == 3 && Guid.TryParse(parts[0], out var incident) && Guid.TryParse(parts[1], out var user) && Guid.TryParse(parts[2], out var message)
                ? new AlertTicket(incident, user, message) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;  // forged, damaged or expired
        }
    }

    public static string AnswerPath(string token) => $"/alerts/answer/{token}";
    public static string ReceiptPath(string token) => $"/alerts/receipt/{token}";
    public static string IncidentPath(string slug, Guid incidentId) => $"/groups/{slug}/alerts/incidents/{incidentId}";
    public static string LivePath(string slug) => $"/groups/{slug}/alerts/live";

    public string Absolute(string path) => $"{(options.PublicUrl ?? ServeCommand.DefaultUrl).TrimEnd('/')}{path}";
}
