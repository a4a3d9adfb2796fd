namespace Plenum.Counting.Proposals;

/// <summary>A share such as 2/3, for thresholds and quorums; compared by integer cross-multiplication.</summary>
public sealed record Fraction(long Numerator, long Denominator)
{
    public static Fraction Half { get; } = new(1, 2);
    public static Fraction ThreeFifths { get; } = new(3, 5);
    public static Fraction TwoThirds { get; } = new(2, 3);

    /// <summary>part / whole ≥ this, decided exactly.</summary>
    public bool IsMetBy(long part, long whole) => (Int128)part * Denominator >= (Int128)Numerator * whole;

    /// <summary>The least whole number of a <paramref name="whole"/> that reaches this share.</summary>
    public long LeastPartOf(long whole) => (long)(((Int128)Numerator * whole + Denominator - 1) / Denominator);

    internal void Check(string what)
    {
        if (Denominator <= 0 || Numerator <= 0 || Numerator > Denominator)
            throw new CountingException($"{what} {this} must be a fraction above 0 and at most 1");
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
