namespace Plenum.Counting.Irv;

/// <summary>
/// Deterministic random numbers for tie-breaks: Steele, Lea and Flood's SplitMix64
/// (state advances by the golden-ratio increment, output is a fixed 64-bit mix). Chosen over
/// System.Random because its sequence is specified and will never change between runtimes, so a
/// published seed reproduces the same draws anywhere. It is not Java's java.util.Random, so
/// RCTab counts whose random tie-breaks depend on that generator cannot be matched.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, bound), by multiplying into the high 64 bits (bias below 2^-60 for small bounds).</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)(((UInt128)Next() * (ulong)bound) >> 64);
    }
}
