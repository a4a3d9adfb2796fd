namespace Plenum.Counting.Simple;

/// <summary>A score for each candidate, in candidate order; null where the voter gave none.</summary>
public sealed record ScoreBallot(IReadOnlyList<int?> Scores, long Weight = 1) : IWeightedBallot;
