namespace Plenum.Counting.Simple;

/// <summary>Points (dots) given to each candidate, in candidate order.</summary>
public sealed record DotBallot(IReadOnlyList<int> Points, long Weight = 1) : IWeightedBallot;
