using Plenum.Counting.Ballots;

namespace Plenum.Counting.Tests.Support;

/// <summary>Wikipedia's Tennessee capital example, percentages as ballot weights.</summary>
public static class Tennessee
{
    public const int Memphis = 0, Nashville = 1, Chattanooga = 2, Knoxville = 3;

    public static RankedElection Election { get; } = new(
        ["Memphis", "Nashville", "Chattanooga", "Knoxville"],
        1,
        [
            RankedBallot.Of(42, Memphis, Nashville, Chattanooga, Knoxville),
            RankedBallot.Of(26, Nashville, Chattanooga, Knoxville, Memphis),
            RankedBallot.Of(15, Chattanooga, Knoxville, Nashville, Memphis),
            RankedBallot.Of(17, Knoxville, Chattanooga, Nashville, Memphis),
        ]);
}
