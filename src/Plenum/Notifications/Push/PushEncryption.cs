using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Plenum.Notifications.Push;

/// <summary>
/// Encrypts a push message for one browser (RFC 8291, "aes128gcm" content coding of RFC 8188), so
/// the push service in between carries it without being able to read it.
/// </summary>
public static class PushEncryption
{
    const int RecordSize = 4096, SaltSize = 16, KeySize = 65, TagSize = 16;
    /// <summary>Push services take at most 4096 bytes of body; this leaves room for the header and tag.</summary>
    public const int MaxPlaintext = RecordSize - SaltSize - 4 - 1 - KeySize - TagSize - 1;

    /// <param name="userAgentKey">The browser's P-256 public key, uncompressed (p256dh).</param>
    /// <param name="authSecret">The browser's 16-byte authentication secret.</param>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] userAgentKey, byte[] authSecret)
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return Encrypt(plaintext, userAgentKey, authSecret, ephemeral, RandomNumberGenerator.GetBytes(SaltSize));
    }

    /// <summary>With a given sender key and salt: only the RFC's worked example needs to choose them.</summary>
    internal static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] userAgentKey, byte[] authSecret, ECDiffieHellman sender, byte[] salt)
    {
        if (plaintext.Length > MaxPlaintext) throw new ArgumentException($"A push message holds at most {MaxPlaintext} bytes.", nameof(plaintext));
        using var userAgent = ImportPublicKey(userAgentKey);
        var point = sender.ExportParameters(includePrivateParameters: false).Q;
        byte[] senderKey = [0x04, .. point.X!, .. point.Y!];

        var sharedSecret = sender.DeriveRawSecretAgreement(userAgent.PublicKey);
        var inputKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, authSecret, [.. "WebPush: info\0"u8, .. userAgentKey, .. senderKey]);
        var pseudoRandomKey = HKDF.Extract(HashAlgorithmName.SHA256, inputKey, salt);
        var contentKey = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 12, "Content-Encoding: nonce\0"u8.ToArray());

        // One record: the message, then the delimiter 2 that marks the last record, no padding.
        byte[] record = [.. plaintext, 0x02];
        var header = SaltSize + 4 + 1 + KeySize;
        var body = new byte[header + record.Length + TagSize];
        salt.CopyTo(body, 0);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(SaltSize), RecordSize);
        body[SaltSize + 4] = KeySize;
        senderKey.CopyTo(body, SaltSize + 5);
        using var aes = new AesGcm(contentKey, TagSize);
        aes.Encrypt(nonce, record, body.AsSpan(header, record.Length), body.AsSpan(header + record.Length));
        return body;
    }

    /// <summary>Throws <see cref="CryptographicException"/> unless the bytes are a point on P-256.</summary>
    public static ECDiffieHellman ImportPublicKey(byte[] uncompressed)
    {
        if (uncompressed is not [0x04, ..] || uncompressed.Length != KeySize) throw new CryptographicException("Not an uncompressed P-256 public key.");
        return ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = uncompressed[1..33], Y = uncompressed[33..] },
        });
    }
}
