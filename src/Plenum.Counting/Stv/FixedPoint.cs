namespace Plenum.Counting.Stv;

/// <summary>
/// Fixed-point arithmetic on scaled longs (value = raw / 10^decimals), as STV rules prescribe:
/// every product and quotient is rounded to the rule's decimal places, down or up as the rule says.
/// Intermediate products use Int128 so that 9-decimal values never overflow mid-calculation.
/// </summary>
internal readonly struct FixedPoint
{
    public FixedPoint(int decimals)
    {
        if (decimals is < 0 or > 12)
            throw new ArgumentOutOfRangeException(nameof(decimals), "between 0 and 12 decimal places");
        Decimals = decimals;
        One = Pow10(decimals);
    }

    public int Decimals { get; }

    /// <summary>The raw value of 1 (10^decimals); 1 raw unit is the rule's smallest step (ULP).</summary>
    public long One { get; }

    public long FromInteger(long value) => checked(value * One);

    /// <summary>a × b, truncated.</summary>
    public long MulDown(long a, long b) =>
        FitsLong(a, b) ? a * b / One : Narrow(Int128Floor((Int128)a * b, One));

    /// <summary>a × b, rounded up (away from zero for positive values).</summary>
    public long MulUp(long a, long b) =>
        FitsLong(a, b) ? (a * b + One - 1) / One : Narrow(Int128Ceiling((Int128)a * b, One));

    // The hot path (Meek: weights and keep factors never exceed 1) stays in 64-bit arithmetic,
    // which is several times faster than Int128 division.
    private const long SafeFactor = 3_000_000_000;

    private static bool FitsLong(long a, long b) => a >= 0 && b >= 0 && a <= SafeFactor && b <= SafeFactor;

    /// <summary>a ÷ b, truncated.</summary>
    public long DivDown(long a, long b) => Narrow(Int128Floor((Int128)a * One, b));

    /// <summary>a ÷ b, rounded up.</summary>
    public long DivUp(long a, long b) => Narrow(Int128Ceiling((Int128)a * One, b));

    public decimal ToDecimal(long raw) => new decimal(raw) / One;

    private static long Pow10(int n)
    {
        long result = 1;
        for (var i = 0; i < n; i++) result *= 10;
        return result;
    }

    // Rules only divide non-negative quantities except a (possibly negative) surplus; floor and
    // ceiling are taken towards zero / away from zero respectively, as the reference implementations do.
    private static Int128 Int128Floor(Int128 numerator, Int128 denominator) => numerator / denominator;

    private static Int128 Int128Ceiling(Int128 numerator, Int128 denominator)
    {
        var quotient = Int128.DivRem(numerator, denominator);
        return quotient.Remainder == 0 ? quotient.Quotient
            : (numerator < 0) == (denominator < 0) ? quotient.Quotient + 1 : quotient.Quotient - 1;
    }

    private static long Narrow(Int128 value) =>
        value > long.MaxValue || value < long.MinValue
            ? throw new CountingException("vote values exceed the range of fixed-point arithmetic")
            : (long)value;
}
