using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plenum.Data;

namespace Plenum.Accounts;

/// <summary>Authenticates API calls by a personal access token: "Authorization: Bearer plenum_…".</summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PlenumDb db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    public const string SecretPrefix = "plenum_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        var hash = HashSecret(secret);
        var token = await db.AccessTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.SecretHash == hash && t.RevokedAt == null);
        if (token is null || token.User.DeletedAt is not null)
            return AuthenticateResult.Fail("The access token is unknown or revoked.");
        var now = clock.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromHours(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync();
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString()), new Claim(ClaimTypes.Name, token.User.UserName ?? "")],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Tokens are long random secrets, so a fast unsalted hash is enough to make the stored form useless.</summary>
    public static string HashSecret(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() =>
        SecretPrefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

