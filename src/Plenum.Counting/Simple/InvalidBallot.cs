namespace Plenum.Counting.Simple;

/// <summary>
/// Why a ballot was set aside, as reported under CountRound.Inactive. Such ballots are counted
/// (so turnout is right) but give no candidate anything.
/// </summary>
public static class InvalidBallot
{
    public const string Blank = "blank";
    public const string Overvote = Results.InactiveReason.Overvote;
    public const string TooFewChoices = "too few choices";
    public const string TooManyChoices = "too many choices";
    public const string ScoreOutOfRange = "score out of range";
    public const string NegativePoints = "negative points";
    public const string OverAllocated = "more points than allowed";
    public const string OverCandidateLimit = "more points on one candidate than allowed";
}
