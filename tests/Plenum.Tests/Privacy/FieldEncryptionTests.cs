using System.Security.Cryptography;
using System.Text;
using Plenum.Privacy;

namespace Plenum.Tests.Privacy;

public sealed class FieldEncryptionTests
{
    readonly FieldEncryption _encryption = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Bytes_round_trip_and_never_show_the_plain_content()
    {
        var plain = Encoding.ASCII.GetBytes("tenants of block C: flat 4, flat 9");
        var first = _encryption.Encrypt(plain);
        var second = _encryption.Encrypt(plain);

        Assert.Equal(plain, _encryption.Decrypt(first));
        Assert.NotEqual(first, second);
        Assert.StartsWith("enc1:", Encoding.ASCII.GetString(first));
        Assert.DoesNotContain("block C", Encoding.Latin1.GetString(first));
        Assert.Empty(_encryption.Decrypt(_encryption.Encrypt([])));
    }

    [Fact]
    public void Changed_unmarked_or_foreign_bytes_are_refused()
    {
        var stored = _encryption.Encrypt("a file"u8);
        var tampered = (byte[])stored.Clone();
        tampered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => _encryption.Decrypt(tampered));
        Assert.Throws<CryptographicException>(() => _encryption.Decrypt("a file"u8));
        Assert.Throws<CryptographicException>(() => _encryption.Decrypt("enc1:short"u8));
        Assert.ThrowsAny<CryptographicException>(() => new FieldEncryption(RandomNumberGenerator.GetBytes(32)).Decrypt(stored));
    }

    [Fact]
    public void Text_fields_still_round_trip_with_their_marker()
    {
        var stored = _encryption.Encrypt("Behind the bakery");
        Assert.StartsWith("enc1:", stored);
        Assert.Equal("Behind the bakery", _encryption.Decrypt(stored));
    }

    [Fact]
    public void A_token_opens_only_for_the_purpose_it_was_sealed_for()
    {
        var token = _encryption.SealToken("ticket"u8, "purpose one"u8);

        Assert.Equal("ticket"u8.ToArray(), _encryption.OpenToken(token, "purpose one"u8));
        Assert.ThrowsAny<CryptographicException>(() => _encryption.OpenToken(token, "purpose two"u8));
        Assert.ThrowsAny<CryptographicException>(() => _encryption.OpenToken(_encryption.Encrypt("ticket"u8).AsSpan(5), "purpose one"u8));
    }
}
