using System.Text.RegularExpressions;

namespace Plenum.Aid;

/// <summary>What a need is posted with, from the public form, the dispatcher form or the API.</summary>
public sealed record AidDraft(Guid CategoryId, Guid AreaId, AidUrgency Urgency, AidTiming Timing, string? Details, string? ContactName,
    string? Contact, string? Address, int? Target = null, string? Unit = null);

/// <summary>Checks and tidies what people type, before anything is stored (encrypted fields have no length limit in the database).</summary>
public static partial class AidForms
{
    public const int DetailsMax = 2000, NameMax = 100, ContactMax = 200, AddressMax = 300, MessageMax = 2000, UnitMax = 20;

    public static string? Text(string? value, int max, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > max) throw new AidRuleException($"{what} is at most {max:N0} characters.");
        return trimmed;
    }

    public static AidDraft Checked(AidDraft draft)
    {
        var contact = Text(draft.Contact, ContactMax, "The phone number or e-mail address");
        if (contact is not null && !LooksLikeContact(contact))
            throw new AidRuleException("Give a phone number (digits, spaces, + and -) or an e-mail address, or leave it empty to use only the follow link.");
        if (draft.Target is < 1 or > 1_000_000) throw new AidRuleException("How many parts (or how much) is between 1 and 1,000,000, or empty for one part.");
        var unit = Text(draft.Unit, UnitMax, "The unit");
        if (unit is not null && draft.Target is null) throw new AidRuleException("A unit only goes with how many parts (or how much) are needed.");
        return draft with
        {
            Details = Text(draft.Details, DetailsMax, "What is needed"),
            ContactName = Text(draft.ContactName, NameMax, "The name"),
            Contact = contact,
            Address = Text(draft.Address, AddressMax, "The address"),
            Unit = unit,
        };
    }

    /// <summary>Digits only for a phone number, lower case for an e-mail address: the same person gives the same key.</summary>
    public static string NormalContact(string contact) =>
        contact.Contains('@') ? contact.Trim().ToLowerInvariant() : NotDigit().Replace(contact, "");

    public static bool IsEmail(string? contact) => contact is not null && EmailShape().IsMatch(contact);

    static bool LooksLikeContact(string contact) => IsEmail(contact) || PhoneShape().IsMatch(contact);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")] private static partial Regex EmailShape();
    [GeneratedRegex(@"^\+?[0-9 ()./-]{5,30}$")] private static partial Regex PhoneShape();
    [GeneratedRegex(@"[^0-9]")] private static partial Regex NotDigit();
}
