namespace Plenum.Accounts;

/// <summary>
/// One signed-in browser. The cookie names this row; deleting the row signs that browser out
/// (for a lost or seized phone). Deliberately no IP address or user agent: only times and a label the person chose.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string? Label { get; set; }
}
