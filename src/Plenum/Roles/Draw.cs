namespace Plenum.Roles;

/// <summary>
/// A draw by lot among volunteers. The commitment (the seed's hash) is shown from the start; the
/// seed, the volunteers and the selection once drawn, so anyone can redo it (docs/sortition.md).
/// </summary>
public sealed class Draw
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    /// <summary>The role the people drawn take up, if any.</summary>
    public Guid? RoleId { get; set; }
    [Privacy.Sensitive] public required string Purpose { get; set; }
    public int Count { get; set; } = 1;
    public required string Commitment { get; set; }
    /// <summary>Secret until the draw: encrypted at rest, so not even the database reveals the outcome in advance.</summary>
    [Privacy.Sensitive] public required string Seed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DrawnAt { get; set; }
    /// <summary>The volunteers' pseudonyms as drawn from, one per line, and those selected (published with the seed).</summary>
    public string? Volunteers { get; set; }
    public string? Selected { get; set; }
    public List<DrawVolunteer> Signups { get; set; } = [];
}

public sealed class DrawVolunteer
{
    public Guid DrawId { get; set; }
    public Guid UserId { get; set; }
    public Accounts.User? User { get; set; }
}
