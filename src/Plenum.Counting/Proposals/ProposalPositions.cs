namespace Plenum.Counting.Proposals;

/// <summary>The built-in position names (matched ignoring case) and their kinds.</summary>
public static class ProposalPositions
{
    public const string Agree = "agree";
    public const string Abstain = "abstain";
    public const string Disagree = "disagree";
    public const string Block = "block";
    public const string StandAside = "stand aside";

    public static IReadOnlyDictionary<string, PositionKind> Standard { get; } =
        new Dictionary<string, PositionKind>(StringComparer.OrdinalIgnoreCase)
        {
            [Agree] = PositionKind.Agree,
            [Abstain] = PositionKind.Abstain,
            [Disagree] = PositionKind.Disagree,
            [Block] = PositionKind.Block,
            [StandAside] = PositionKind.StandAside,
        };
}
