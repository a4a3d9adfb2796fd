using System.Text.Json;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Stv;

namespace Plenum.Tests.Decisions;

/// <summary>
/// Small real counts, read back from JSON as a decision page reads its stored count. The third
/// candidate's name is markup, as a member could type it.
/// </summary>
public static class SampleCounts
{
    public const string Markup = "<script>alert(1)</script>";

    /// <summary>
    /// First preferences Ana 3, Bo 2, markup 1, Dee 2. Meek, 2 seats: Ana elected in round 1, markup out in
    /// round 2, Dee elected and Bo out in round 3. IRV, 1 seat: markup out, then Bo, then Ana has 5 of 8.
    /// </summary>
    public static RankedElection Delegates(int seats) => new(["Ana", "Bo", Markup, "Dee"], seats,
    [
        RankedBallot.Of(2, 0, 1), RankedBallot.Of(1, 0, 2), RankedBallot.Of(2, 1, 0),
        RankedBallot.Of(1, 3, 1), RankedBallot.Of(1, 2, 3), RankedBallot.Of(1, 3),
    ]);

    public static CountResult Meek => Stored(MeekCount.Run(Delegates(2)));
    public static CountResult Scottish => Stored(ScottishStvCount.Run(Delegates(2)));
    public static CountResult Irv => Stored(IrvCount.Run(Delegates(1), new IrvRules()));
    public static CountResult Schulze => Stored(Counting.Condorcet.Schulze.Run(Delegates(1)));
    public static CountResult Plurality => Stored(Counting.Simple.Plurality.Run(Delegates(1)));

    static CountResult Stored(CountResult result) => JsonSerializer.Deserialize<CountResult>(ResultJson.Serialize(result), ResultJson.Options)!;
}
