using System.Security.Cryptography;
using System.Text;

namespace Plenum.Counting.Lots;

/// <summary>
/// Random selection of people from volunteers that anyone can check. The seed's SHA-256 hash is
/// published before the draw and the seed after it, so the organisers cannot redraw until they
/// like the result; with the seed and the list of volunteers anyone gets the same selection.
/// </summary>
public static class Sortition
{
    /// <summary>
    /// Sorts the volunteers by ordinal order of their names (so the list's order cannot be arranged),
    /// shuffles them with SplitMix64 from the seed (Fisher–Yates, from the last place down) and takes the first <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<string> Draw(IEnumerable<string> volunteers, int count, ulong seed)
    {
        var pool = volunteers.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (count < 1) throw new CountingException("a draw selects at least one person");
        if (count > pool.Length) throw new CountingException($"a draw of {count} needs at least {count} volunteers; there are {pool.Length}");
        var random = new SplitMix64(seed);
        for (var i = pool.Length - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    /// <summary>A fresh seed from the operating system's cryptographic generator.</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>The seed as it is published: 16 lower-case hex digits.</summary>
    public static string Format(ulong seed) => seed.ToString("x16");

    public static ulong Parse(string seed) =>
        seed.Trim().Length == 16 && ulong.TryParse(seed.Trim(), System.Globalization.NumberStyles.HexNumber, null, out var value)
            ? value : throw new CountingException("a seed is 16 hexadecimal digits");

    /// <summary>What is published before the draw: the SHA-256 of the formatted seed, in lower-case hex.</summary>
    public static string Commitment(ulong seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Format(seed))));
}
