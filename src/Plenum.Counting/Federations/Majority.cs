using Plenum.Counting.Proposals;

namespace Plenum.Counting.Federations;

/// <summary>A share that must agree: "more than half", or "at least 2/3".</summary>
public sealed record Majority(Fraction Share, bool MoreThan)
{
    public static Majority Simple { get; } = new(Fraction.Half, true);
    public static Majority AtLeast(Fraction share) => new(share, false);

    /// <summary>Whether <paramref name="agree"/> of <paramref name="of"/> reaches the share, decided exactly.</summary>
    public bool IsMetBy(long agree, long of) => of > 0 && (MoreThan
        ? (Int128)agree * Share.Denominator > (Int128)Share.Numerator * of
        : Share.IsMetBy(agree, of));

    public override string ToString() => MoreThan ? $"more than {Share}" : $"at least {Share}";
}
