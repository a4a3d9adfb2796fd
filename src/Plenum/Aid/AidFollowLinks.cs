using System.Security.Cryptography;
using Plenum.Privacy;

namespace Plenum.Aid;

/// <summary>The one-time link a requester without an account follows their request by. Only its keyed hash is stored.</summary>
public sealed class AidFollowLinks(FieldEncryption encryption)
{
    public const string Prefix = "aid_";

    public (string Secret, string Hash) New()
    {
        var secret = Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (secret, Hash(secret));
    }

    public string Hash(string secret) => encryption.LookupHash("aid-follow:" + secret);

    /// <summary>Scoped to the group, so the same number in two groups links nothing across them.</summary>
    public string ContactHash(Guid groupId, string contact) => encryption.LookupHash($"aid-contact:{groupId}:{AidForms.NormalContact(contact)}");

    public static string Path(string secret) => $"/aid/follow/{secret}";
}
