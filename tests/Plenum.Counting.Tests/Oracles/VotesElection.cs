using System.Text.Json.Nodes;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Tests.Oracles;

/// <summary>
/// A random single-seat ranked election, deterministic for its seed, given both to Plenum
/// (<see cref="Election"/>) and to the "votes" package through votes-oracle.cjs (<see cref="OracleInput"/>).
/// Ballots rank candidates strictly, one per rank: the two packages score equal rankings differently
/// (see the Borda test), so they are left out everywhere rather than compared method by method.
/// </summary>
public sealed record VotesElection(int Seed, string[] Names, IReadOnlyList<WeightedOrder> Ballots)
{
    /// <summary>3–7 candidates, 20–300 ballots in weighted groups; <paramref name="truncate"/> lets ballots stop early.</summary>
    public static VotesElection Random(int seed, bool truncate)
    {
        var random = new Random(seed);
        var candidates = random.Next(3, 8);
        return new VotesElection(seed, RandomBallots.Names(candidates),
            RandomBallots.Groups(random, candidates, random.Next(20, 301), truncate));
    }

    public RankedElection Election =>
        new(Names, 1, Ballots.Select(b => RankedBallot.Of(b.Weight, b.Order)).ToList(), Title: $"seed {Seed}");

    public JsonObject OracleInput(string method) => new()
    {
        ["method"] = method,
        ["candidates"] = new JsonArray(Names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
        ["ballots"] = new JsonArray(Ballots.Select(b => (JsonNode)new JsonObject
        {
            ["ranking"] = new JsonArray(b.Order.Select(c => (JsonNode)new JsonArray(Names[c])).ToArray()),
            ["weight"] = b.Weight,
        }).ToArray()),
    };

    /// <summary>d[a][b]: weight of ballots ranking a above b (a ranked candidate is above every unranked one).</summary>
    public long[,] Pairwise()
    {
        var d = new long[Names.Length, Names.Length];
        foreach (var ballot in Ballots)
        {
            var ranked = ballot.Order;
            var unranked = Enumerable.Range(0, Names.Length).Except(ranked).ToArray();
            for (var i = 0; i < ranked.Length; i++)
            foreach (var below in ranked.Skip(i + 1).Concat(unranked))
                d[ranked[i], below] += ballot.Weight;
        }
        return d;
    }

    /// <summary>Counts a batch of elections with votes-oracle.cjs in one Node process; results in the same order.</summary>
    public static IReadOnlyList<JsonNode> CountWithVotes(string method, IEnumerable<VotesElection> elections)
    {
        var input = new JsonArray(elections.Select(e => (JsonNode)e.OracleInput(method)).ToArray());
        return JsonNode.Parse(NodeOracle.Run("votes-oracle.cjs", input.ToJsonString()))!.AsArray().Select(r => r!).ToList();
    }
}
