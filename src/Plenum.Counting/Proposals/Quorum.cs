namespace Plenum.Counting.Proposals;

/// <summary>
/// How many must vote (take any position, abstaining included) for a decision to count:
/// a fixed number, or a share of the eligible voters or of those present.
/// </summary>
public sealed record Quorum
{
    public long? Count { get; private init; }
    public Fraction? Share { get; private init; }
    public QuorumBase Of { get; private init; }

    public static Quorum AtLeast(long voters) => new() { Count = voters };

    public static Quorum FractionOf(Fraction share, QuorumBase of = QuorumBase.Eligible) => new() { Share = share, Of = of };
}

public enum QuorumBase
{
    Eligible,
    Present,
}
