using Microsoft.AspNetCore.Identity;

namespace Plenum.Accounts;

/// <summary>What a pseudonym may be, and Identity's refusals in plain words.</summary>
public static class Pseudonyms
{
    public const string Pattern = @"^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,38}[\p{L}\p{N}]$";
    public const string Rule = "A pseudonym has 2 to 40 letters, digits, spaces, dots, dashes or underscores, and starts and ends with a letter or digit.";

    public static string Explain(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) => "That pseudonym is taken; choose another.",
        nameof(IdentityErrorDescriber.PasswordTooShort) => "The password must be at least 10 characters.",
        _ => error.Description,
    };
}
