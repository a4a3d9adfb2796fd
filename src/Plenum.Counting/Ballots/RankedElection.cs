namespace Plenum.Counting.Ballots;

/// <summary>
/// Everything a ranked count needs: candidate names (index = candidate id), seats,
/// withdrawn or excluded candidates, and the ballots.
/// </summary>
public sealed record RankedElection(
    IReadOnlyList<string> Candidates,
    int Seats,
    IReadOnlyList<RankedBallot> Ballots,
    IReadOnlySet<int>? Withdrawn = null,
    string? Title = null)
{
    public IReadOnlySet<int> WithdrawnCandidates => Withdrawn ?? new HashSet<int>();

    public long TotalBallots => Ballots.Sum(b => b.Weight);
}
