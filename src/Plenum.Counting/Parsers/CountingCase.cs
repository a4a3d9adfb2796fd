using Plenum.Counting.Ballots;
using Plenum.Counting.Stv;

namespace Plenum.Counting.Parsers;

/// <summary>
/// One test case in the JSON schema shared by the CA SB 1288 and Meeks-PRF reference tests:
/// the contest, the tabulation options, and (when given) the expected outcome.
/// </summary>
public sealed record CountingCase
{
    public required string FileName { get; init; }
    public string? Description { get; init; }
    public required RankedElection Election { get; init; }
    /// <summary>Candidate indices; among tied candidates the one listed first is defeated.</summary>
    public IReadOnlyList<int> TieBreakOrder { get; init; } = [];
    public int? MaxRankingLevels { get; init; }
    public IReadOnlySet<int> Protected { get; init; } = new HashSet<int>();
    public BatchDefeats BatchDefeats { get; init; } = BatchDefeats.Never;
    public IReadOnlyList<bool>? BatchDefeatRounds { get; init; }
    public bool AlwaysCountFirstRound { get; init; } = true;
    public bool StopAtMajority { get; init; }

    public CaseExpectation? Expected { get; init; }
    /// <summary>The error the reference implementation raises instead of a result (type, message).</summary>
    public (string Type, string Message)? ExpectedException { get; init; }

    public MeekRules ToMeekRules() => new()
    {
        TieBreakOrder = TieBreakOrder,
        Protected = Protected,
        MaxRankingLevels = MaxRankingLevels,
        AlwaysCountFirstRound = AlwaysCountFirstRound,
        BatchDefeats = BatchDefeats,
        BatchDefeatRounds = BatchDefeatRounds,
    };

    public WigmRules ToWigmRules() => new()
    {
        TieBreakOrder = TieBreakOrder,
        MaxRankingLevels = MaxRankingLevels,
    };
}

/// <summary>The expected outcome written in a test case.</summary>
public sealed record CaseExpectation(
    IReadOnlyList<string> Elected,
    IReadOnlyList<ExpectedStatus> Statuses,
    IReadOnlyDictionary<string, IReadOnlyList<decimal?>> Tally);

/// <summary>A candidate's final status: the round it was decided in, its votes then, its keep factor (Meek).</summary>
public sealed record ExpectedStatus(string Candidate, string Status, int Round, decimal? Votes, decimal? KeepFactor, string? Destiny);
