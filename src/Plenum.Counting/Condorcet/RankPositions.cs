using Plenum.Counting.Ballots;

namespace Plenum.Counting.Condorcet;

/// <summary>
/// Where a ballot puts each candidate: the index of the first rank naming it. Lower is preferred;
/// candidates in the same rank are equal; unranked candidates share <see cref="Unranked"/>, below
/// every ranked one. Overvote marks name no one and are passed over; a repeated candidate keeps
/// its highest rank (the voter preferred it at least that much).
/// </summary>
internal static class RankPositions
{
    public const int Unranked = int.MaxValue;

    public static int[] Of(RankedBallot ballot, int candidateCount, int ballotIndex)
    {
        var positions = new int[candidateCount];
        Array.Fill(positions, Unranked);
        for (var rank = 0; rank < ballot.Ranks.Count; rank++)
        {
            foreach (var candidate in ballot.Ranks[rank])
            {
                if (candidate == RankedBallot.OvervoteMark) continue;
                ElectionChecks.CheckCandidate(candidate, candidateCount, ballotIndex);
                if (positions[candidate] == Unranked) positions[candidate] = rank;
            }
        }
        return positions;
    }
}
