using Microsoft.AspNetCore.Identity;

namespace Plenum.Accounts;

/// <summary>
/// A person's account. UserName is their pseudonym; nothing else about them is required.
/// E-mail (optional) is encrypted at rest and found through a keyed hash (see PlenumDb).
/// </summary>
public sealed class User : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsInstanceAdmin { get; set; }
    /// <summary>Set when the person deleted their account: the row stays, pseudonymised, so group history still reads "former member".</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public string DisplayName => DeletedAt is null ? UserName ?? "" : FormerMember;
    public const string FormerMember = "former member";
}
