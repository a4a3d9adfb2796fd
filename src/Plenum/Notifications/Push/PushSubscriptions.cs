using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Notifications.Push;

/// <summary>A person's browsers with push on: adding one (as the browser hands it over), listing and removing them.</summary>
public sealed class PushSubscriptions(PlenumDb db, FieldEncryption encryption, TimeProvider clock)
{
    public const int MaxPerPerson = 10;
    const int MaxEndpointLength = 1000;

    /// <summary>A browser as its owner sees it: which push service carries its notices (a browser's maker), and when.</summary>
    public sealed record Row(Guid Id, string Service, DateTimeOffset CreatedAt, DateTimeOffset? LastSuccessAt);

    /// <summary>Stores the subscription; null when done, otherwise why it was refused.</summary>
    public async Task<string?> AddAsync(Guid userId, string? endpoint, string? p256dh, string? auth, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || endpoint.Length > MaxEndpointLength)
            return "The browser gave no usable push address.";
        if (!IsPublicKey(p256dh) || !IsAuthSecret(auth)) return "The browser gave no usable push keys.";
        var hash = encryption.LookupHash(endpoint);
        // An endpoint is one browser profile: whoever subscribed it last receives there, nobody else.
        var earlier = await db.PushSubscriptions.FirstOrDefaultAsync(s => s.EndpointHash == hash, cancellationToken);
        if (earlier is not null) db.PushSubscriptions.Remove(earlier);
        else if (await db.PushSubscriptions.CountAsync(s => s.UserId == userId, cancellationToken) >= MaxPerPerson)
            return $"Push is on in {MaxPerPerson} browsers already; remove one first.";
        db.PushSubscriptions.Add(new PushSubscription
        {
            Id = Guid.NewGuid(), UserId = userId, Endpoint = endpoint, EndpointHash = hash, P256dh = p256dh!.TrimEnd('='), Auth = auth!.TrimEnd('='),
            CreatedAt = clock.GetUtcNow(), LastSuccessAt = earlier?.UserId == userId ? earlier.LastSuccessAt : null,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<Row>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        [.. (await db.PushSubscriptions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(s => s.CreatedAt).Select(s => new Row(s.Id, new Uri(s.Endpoint).Host, s.CreatedAt, s.LastSuccessAt))];

    public Task<int> RemoveAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        db.PushSubscriptions.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    static bool IsPublicKey(string? value)
    {
        if (!TryDecode(value, out var bytes)) return false;
        try
        {
            using var _ = PushEncryption.ImportPublicKey(bytes);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    static bool IsAuthSecret(string? value) => TryDecode(value, out var bytes) && bytes.Length == 16;

    static bool TryDecode(string? value, out byte[] bytes)
    {
        bytes = [];
        if (value is not { Length: > 0 and < 200 }) return false;
        try
        {
            bytes = Base64Url.DecodeFromChars(value.TrimEnd('='));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
