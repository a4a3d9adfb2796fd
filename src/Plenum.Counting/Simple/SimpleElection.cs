namespace Plenum.Counting.Simple;

/// <summary>Candidates (index = candidate id), seats and ballots of one kind, for the non-ranked methods.</summary>
public sealed record SimpleElection<TBallot>(
    IReadOnlyList<string> Candidates,
    int Seats,
    IReadOnlyList<TBallot> Ballots,
    IReadOnlySet<int>? Withdrawn = null,
    string? Title = null)
    where TBallot : IWeightedBallot;
