using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Plenum.Accounts;

/// <summary>
/// Seals what a mailed link must carry (account, address, Identity token) into one opaque,
/// expiring code, so no e-mail address or account id appears in a URL.
/// </summary>
public sealed class AccountLinks(IDataProtectionProvider protection)
{
    public const string EmailConfirmation = "email-confirmation";
    public const string PasswordReset = "password-reset";

    public string Seal(string purpose, TimeSpan lifetime, params string[] parts) =>
        Protector(purpose).Protect(JsonSerializer.Serialize(parts), lifetime);

    /// <summary>The sealed parts, or null for a code that is forged, altered or expired.</summary>
    public string[]? Open(string purpose, string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(Protector(purpose).Unprotect(code));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    ITimeLimitedDataProtector Protector(string purpose) =>
        protection.CreateProtector("Plenum.Accounts.Links", purpose).ToTimeLimitedDataProtector();
}
