using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Plenum.Tests.Infrastructure;

/// <summary>
/// The browser's side of Web Push encryption (RFC 8291), written apart from the app's sender: its own
/// P-256 key pair and authentication secret, and decryption of what a push service hands over.
/// </summary>
public sealed class PushReceiver : IDisposable
{
    readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    readonly byte[] _authSecret = RandomNumberGenerator.GetBytes(16);

    public string P256dh => Base64Url.EncodeToString(PublicKey);
    public string Auth => Base64Url.EncodeToString(_authSecret);

    byte[] PublicKey
    {
        get
        {
            var point = _key.ExportParameters(false).Q;
            return [0x04, .. point.X!, .. point.Y!];
        }
    }

    /// <summary>Reads the aes128gcm header (salt, record size, sender key), derives the same keys and opens the one record.</summary>
    public byte[] Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int keyLength = body[20];
        var senderKey = body[21..(21 + keyLength)];
        var cipher = body[(21 + keyLength)..];
        Assert.True(cipher.Length <= recordSize, "one record");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..] },
        });
        var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);
        var info = "WebPush: info\0"u8.ToArray().Concat(PublicKey).Concat(senderKey).ToArray();
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _authSecret, info);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var contentKey = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        var plain = new byte[cipher.Length - 16];
        using var aes = new AesGcm(contentKey, 16);
        aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);
        // Padding is zeros after the delimiter; 2 marks the last record.
        var end = Array.FindLastIndex(plain, b => b != 0);
        Assert.Equal(2, plain[end]);
        return plain[..end];
    }

    public void Dispose() => _key.Dispose();
}
