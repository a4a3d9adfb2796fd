namespace Plenum.Counting.Lots;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, 2014), written out here so that a lot drawn
/// with a given seed comes out the same on every platform and every .NET version, which
/// <see cref="System.Random"/> does not promise. Anyone can redraw a recorded lot by hand or in
/// another language from the seed alone.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A uniform integer in [0, bound). Draws that fall in the incomplete last block of 2^64 are
    /// rejected and redrawn, so no outcome is favoured (plain modulo would favour small values).
    /// </summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (ulong)bound;
        var leftover = (ulong.MaxValue % b + 1) % b; // 2^64 mod b
        while (true)
        {
            var x = Next();
            if (leftover == 0 || x < unchecked(0UL - leftover))
                return (int)(x % b);
        }
    }
}
