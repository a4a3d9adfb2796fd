namespace Plenum.Counting.Simple;

/// <summary>The scores a ballot may give, inclusive (e.g. 0..5, or −2..2).</summary>
public sealed record ScoreRange(int Min, int Max)
{
    public bool Contains(int score) => score >= Min && score <= Max;
}
