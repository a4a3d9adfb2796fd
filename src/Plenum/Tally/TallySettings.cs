using Plenum.Counting.Condorcet;
using Plenum.Counting.Irv;
using Plenum.Counting.Simple;
using Plenum.Counting.Stv;

namespace Plenum.Tally;

/// <summary>The counting options given on the command line; null where the person gave none (the input's or method's default applies).</summary>
public sealed record TallySettings
{
    public required string Method { get; init; }
    public int? Seats { get; init; }
    public OvervoteRule? Overvote { get; init; }
    public int? MaxSkippedRanks { get; init; }
    public bool? ExhaustOnDuplicate { get; init; }
    public bool BatchElimination { get; init; }
    public bool ContinueUntilTwo { get; init; }
    public string? TieBreak { get; init; }
    public ulong? Seed { get; init; }
    public int? Decimals { get; init; }
    public QuotaKind? Quota { get; init; }
    public SchulzeVariant SchulzeVariant { get; init; }
    public BordaVariant BordaVariant { get; init; }
    public ScoreVariant ScoreVariant { get; init; }
    public int? MinChoices { get; init; }
    public int? MaxChoices { get; init; }
    public int ScoreMin { get; init; }
    public int ScoreMax { get; init; } = 10;
}
