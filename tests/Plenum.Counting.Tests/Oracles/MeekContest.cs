using System.Text.Json.Nodes;
using Plenum.Counting.Ballots;
using Plenum.Counting.Stv;

namespace Plenum.Counting.Tests.Oracles;

/// <summary>
/// A random Meek STV contest, deterministic for its seed, given both to Plenum (<see cref="Election"/>,
/// <see cref="Rules"/>) and to meeks-prf-js (<see cref="OracleInput"/>, the package's test-case schema).
/// Beside truncation and weights, a few ballots carry the anomalies the reference rule's extensions
/// define (skipped rank, overvote, a candidate ranked twice), some contests withdraw a candidate,
/// and some allow batch defeats.
/// </summary>
public sealed record MeekContest(
    int Seed,
    string[] Names,
    int Seats,
    IReadOnlyList<(int[] Ranks, long Weight)> Ballots,
    int[] TieBreakOrder,
    int? Withdrawn,
    bool AllowBatchDefeats)
{
    /// <summary>In <see cref="Ballots"/>: a rank left empty ("" in the JSON schema).</summary>
    public const int SkippedRank = -2;

    public static MeekContest Random(int seed)
    {
        var random = new Random(seed);
        var candidates = random.Next(4, 10);
        var seats = random.Next(1, Math.Min(4, candidates - 1) + 1);
        var ballots = RandomBallots.Groups(random, candidates, random.Next(20, 301), truncate: true)
            .Select(g => (WithAnomaly(random, g.Order), g.Weight))
            .ToList();
        int? withdrawn = candidates - 1 > seats && random.NextDouble() < 0.2 ? random.Next(candidates) : null;
        return new MeekContest(seed, RandomBallots.Names(candidates), seats, ballots,
            RandomBallots.Permutation(random, candidates), withdrawn, AllowBatchDefeats: random.NextDouble() < 0.25);
    }

    /// <summary>About one ballot group in ten gets a skipped rank, an overvote or a repeated candidate in place of a choice.</summary>
    private static int[] WithAnomaly(Random random, int[] order)
    {
        var ranks = order.ToArray();
        var place = random.Next(ranks.Length);
        var roll = random.NextDouble();
        if (roll < 0.04) ranks[place] = SkippedRank;
        else if (roll < 0.07) ranks[place] = RankedBallot.OvervoteMark;
        else if (roll < 0.10 && place > 0) ranks[place] = ranks[random.Next(place)];
        return ranks;
    }

    public RankedElection Election => new(
        Names, Seats,
        Ballots.Select(b => new RankedBallot(b.Ranks.Select(r => r == SkippedRank ? [] : new[] { r }).ToArray(), b.Weight)).ToList(),
        Withdrawn is { } w ? new HashSet<int> { w } : null,
        $"seed {Seed}");

    public MeekRules Rules => new()
    {
        TieBreakOrder = TieBreakOrder,
        MaxRankingLevels = Names.Length,
        AlwaysCountFirstRound = true,
        BatchDefeats = AllowBatchDefeats ? BatchDefeats.IfNoNewElected : BatchDefeats.Never,
    };

    /// <summary>
    /// Options spelled out rather than left to defaults, so both sides provably count the same way:
    /// "alternative_defeats": "Y" with the default "type_of_altdefs" (if_no_new_electeds) is Plenum's IfNoNewElected.
    /// </summary>
    public JsonObject OracleInput() => new()
    {
        ["description"] = $"seed {Seed}",
        ["nbrSeatsToFill"] = Seats,
        ["candidates"] = Strings(Names),
        ["ballots"] = new JsonArray(Ballots.Select(b => (JsonNode)new JsonArray(b.Weight, Strings(b.Ranks.Select(Code)))).ToArray()),
        ["maxRankingLevels"] = Names.Length,
        ["tieBreaker"] = Strings(TieBreakOrder.Select(c => Names[c])),
        ["excluded"] = Strings(Withdrawn is { } w ? [Names[w]] : []),
        ["protected"] = new JsonArray(),
        ["options"] = new JsonObject
        {
            ["always_count_votes"] = true,
            ["alternative_defeats"] = AllowBatchDefeats ? "Y" : "N",
            ["type_of_altdefs"] = "if_no_new_electeds",
        },
    };

    private string Code(int rank) => rank switch
    {
        SkippedRank => "",
        RankedBallot.OvervoteMark => "#",
        _ => Names[rank],
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
