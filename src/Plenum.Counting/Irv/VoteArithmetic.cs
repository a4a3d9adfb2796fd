namespace Plenum.Counting.Irv;

/// <summary>
/// Fixed-point vote arithmetic at a given number of decimal places, always truncating, as US
/// rules prescribe (a transfer never carries more value than the ballot had).
/// Divisions are corrected after the decimal division so the result is the exact floor,
/// even where decimal's 28-digit rounding would have rounded across a unit.
/// </summary>
internal static class VoteArithmetic
{
    public static decimal Unit(int places) => 1m / Pow10(places);

    public static decimal Truncate(decimal value, int places) =>
        decimal.Round(value, places, MidpointRounding.ToZero);

    /// <summary>floor(a / b) to <paramref name="places"/> decimals, for a ≥ 0 and b &gt; 0.</summary>
    public static decimal DivideDown(decimal a, decimal b, int places)
    {
        var unit = Unit(places);
        var q = Truncate(a / b, places);
        while (q * b > a) q -= unit;
        while ((q + unit) * b <= a) q += unit;
        return q;
    }

    /// <summary>ceiling(a / b) to <paramref name="places"/> decimals, for a ≥ 0 and b &gt; 0.</summary>
    public static decimal DivideUp(decimal a, decimal b, int places)
    {
        var q = DivideDown(a, b, places);
        return q * b < a ? q + Unit(places) : q;
    }

    private static decimal Pow10(int places)
    {
        var p = 1m;
        for (var i = 0; i < places; i++) p *= 10m;
        return p;
    }
}
