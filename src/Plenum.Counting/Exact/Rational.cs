using System.Numerics;

namespace Plenum.Counting.Exact;

/// <summary>
/// An exact fraction, always reduced, denominator positive. Counts that divide (Dowdall points,
/// mean scores) are added and compared as fractions, so that ties are real ties; decimals are
/// made from them only for display.
/// </summary>
public readonly record struct Rational : IComparable<Rational>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("a fraction with denominator 0");
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero) (numerator, denominator) = (numerator / gcd, denominator / gcd);
        Numerator = numerator;
        Denominator = denominator.IsZero ? BigInteger.One : denominator;
    }

    public static Rational Zero => new(0, 1);

    public static implicit operator Rational(long value) => new(value, 1);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// The nearest decimal with as many places as fit (at most 28), midpoints away from zero.
    /// 1/3 becomes 0.3333333333333333333333333333: for display only, never for deciding.
    /// </summary>
    public decimal ToDecimal()
    {
        var magnitude = BigInteger.Abs(Numerator);
        var limit = BigInteger.One << 96; // decimal holds a 96-bit integer and a scale
        for (var scale = 28; scale >= 0; scale--)
        {
            var scaled = BigInteger.DivRem(magnitude * BigInteger.Pow(10, scale), Denominator, out var remainder);
            if (remainder * 2 >= Denominator) scaled += 1;
            if (scaled >= limit) continue;
            while (scale > 0 && (scaled % 10).IsZero) // 5, not 5.0000000000000000000000000000
            {
                scaled /= 10;
                scale--;
            }
            var mask = new BigInteger(uint.MaxValue);
            return new decimal(
                (int)(uint)(scaled & mask),
                (int)(uint)((scaled >> 32) & mask),
                (int)(uint)((scaled >> 64) & mask),
                Numerator.Sign < 0,
                (byte)scale);
        }
        throw new OverflowException("a count too large for decimal");
    }

    public override string ToString() =>
        Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";
}
