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
    static ReadOnlySpan<byte> PrefixBytes => "enc1:"u8;
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

    public string Encrypt(string plain) => Prefix + Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(plain), 0));

    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
            throw new CryptographicException("A sensitive field was stored without encryption.");
        return Encoding.UTF8.GetString(Open(Convert.FromBase64String(stored[Prefix.Length..])));
    }

    /// <summary>
    /// For files: stored as bytes, because base64 (as for text fields) would make every file a third larger.
    /// Same key, same layout, and the same "enc1:" marker in front.
    /// </summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plain)
    {
        var stored = Seal(plain, PrefixBytes.Length);
        PrefixBytes.CopyTo(stored);
        return stored;
    }

    public byte[] Decrypt(ReadOnlySpan<byte> stored)
    {
        if (!stored.StartsWith(PrefixBytes))
            throw new CryptographicException("A sensitive file was stored without encryption.");
        return Open(stored[PrefixBytes.Length..]);
    }

    /// <summary>
    /// Seals a short token that leaves the server (a link in a message), bound to its <paramref name="purpose"/>
    /// so it can never pass for a stored field or a token of another kind. Without a marker, to keep links short.
    /// </summary>
    public byte[] SealToken(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> purpose) => Seal(plain, 0, purpose);

    /// <summary>Throws <see cref="CryptographicException"/> for a token that was not sealed here for this purpose.</summary>
    public byte[] OpenToken(ReadOnlySpan<byte> token, ReadOnlySpan<byte> purpose) => Open(token, purpose);

    /// <summary>Nonce, ciphertext and tag, after <paramref name="offset"/> bytes left free for a marker.</summary>
    byte[] Seal(ReadOnlySpan<byte> plain, int offset, ReadOnlySpan<byte> associated = default)
    {
        var buffer = new byte[offset + NonceSize + plain.Length + TagSize];
        var sealedPart = buffer.AsSpan(offset);
        var nonce = sealedPart[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, sealedPart.Slice(NonceSize, plain.Length), sealedPart[(NonceSize + plain.Length)..], associated);
        return buffer;
    }

    byte[] Open(ReadOnlySpan<byte> sealedPart, ReadOnlySpan<byte> associated = default)
    {
        var cipherLength = sealedPart.Length - NonceSize - TagSize;
        if (cipherLength < 0) throw new CryptographicException("An encrypted value is too short to be one.");
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(sealedPart[..NonceSize], sealedPart.Slice(NonceSize, cipherLength), sealedPart[(NonceSize + cipherLength)..], plain, associated);
        return plain;
    }

    /// <summary>A stable keyed hash, for finding a record by a sensitive value without storing the value.</summary>
    public string LookupHash(string value) =>
        "h1:" + Convert.ToBase64String(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(value)));
}
