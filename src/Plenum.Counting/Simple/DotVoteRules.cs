namespace Plenum.Counting.Simple;

/// <summary>Each voter has <paramref name="PointsPerVoter"/> points to spread; optionally at most so many on one candidate.</summary>
public sealed record DotVoteRules(int PointsPerVoter, int? MaxPerCandidate = null);
