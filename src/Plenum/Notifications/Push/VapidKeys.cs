using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Plenum.Privacy;

namespace Plenum.Notifications.Push;

/// <summary>
/// This instance's VAPID key pair (RFC 8292): browsers subscribe with its public key, and push
/// services accept a message only when it is signed with the private key. The private key lives in
/// data/keys/vapid.key, encrypted under the field key and readable by the owner only.
/// </summary>
public sealed class VapidKeys : IDisposable
{
    static readonly TimeSpan SignatureLifetime = TimeSpan.FromHours(12);
    readonly ECDsa _key;

    VapidKeys(ECDsa key)
    {
        _key = key;
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        PublicKey = Base64Url.EncodeToString([0x04, .. point.X!, .. point.Y!]);
    }

    /// <summary>The uncompressed public point, base64url: the browser's applicationServerKey.</summary>
    public string PublicKey { get; }

    /// <summary>Loads the key file, creating a new key pair (readable by the owner only) on first run.</summary>
    public static VapidKeys FromKeyFile(string path, FieldEncryption encryption)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(encryption.Encrypt(Convert.ToBase64String(fresh.ExportPkcs8PrivateKey()))));
        }
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(encryption.Decrypt(File.ReadAllText(path).Trim())), out _);
        return new VapidKeys(key);
    }

    /// <summary>The Authorization header value for one push service: a signed token naming it, and our public key.</summary>
    public string Authorization(Uri endpoint, string subject, DateTimeOffset now)
    {
        var header = Base64Url.EncodeToString("""{"typ":"JWT","alg":"ES256"}"""u8);
        var claims = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = endpoint.GetLeftPart(UriPartial.Authority),
            ["exp"] = (now + SignatureLifetime).ToUnixTimeSeconds(),
            ["sub"] = subject,
        }));
        // ES256 wants r and s side by side (IEEE P1363), which is .NET's default signature format.
        var signature = Base64Url.EncodeToString(_key.SignData(Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256));
        return $"vapid t={header}.{claims}.{signature}, k={PublicKey}";
    }

    public void Dispose() => _key.Dispose();
}
