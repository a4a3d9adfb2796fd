using System.Security.Cryptography;
using System.Text;

namespace Plenum.Privacy;

/// <summary>
/// Encrypts sensitive fields at rest with AES-256-GCM under a key kept in a file outside the
/// database, so a stolen database file alone reveals none of them. Each value gets a fresh nonce.
/// Also derives keyed lookup hashes (HMAC-SHA256) for fields that must be found by value (e-mail).
/// </summary>
public sealed class FieldEncryption
{
    const string Prefix = "enc1:";
    const int NonceSize = 12, TagSize = 16;
    readonly byte[] _encryptionKey;
    readonly byte[] _lookupKey;

    public FieldEncryption(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("The field key must be 32 bytes.", nameof(masterKey));
        // Separate subkeys so a lookup hash can never be confused with ciphertext material.
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "plenum field encryption"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "plenum lookup hash"u8.ToArray());
    }

    /// <summary>Loads the key file, creating it (readable by the owner only) on first run.</summary>
    public static FieldEncryption FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var key = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, options))
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        }
        return new FieldEncryption(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public string Encrypt(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var buffer = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plainBytes, buffer.AsSpan(NonceSize, plainBytes.Length), buffer.AsSpan(NonceSize + plainBytes.Length));
        return Prefix + Convert.ToBase64String(buffer);
    }

    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
            throw new CryptographicException("A sensitive field was stored without encryption.");
        var buffer = Convert.FromBase64String(stored[Prefix.Length..]);
        var cipherLength = buffer.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize, cipherLength), buffer.AsSpan(NonceSize + cipherLength), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A stable keyed hash, for finding a record by a sensitive value without storing the value.</summary>
    public string LookupHash(string value) =>
        "h1:" + Convert.ToBase64String(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(value)));
}
