namespace Plenum.Accounts;

/// <summary>A personal access token for the JSON API. Only its hash is stored; the secret is shown once.</summary>
public sealed class AccessToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    public required string Name { get; set; }
    public required string SecretHash { get; set; }
    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
