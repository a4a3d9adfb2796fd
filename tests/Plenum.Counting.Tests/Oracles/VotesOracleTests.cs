using System.Text.Json.Nodes;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Simple;
using Xunit.Sdk;

namespace Plenum.Counting.Tests.Oracles;

/// <summary>
/// Plenum's Schulze, ranked pairs and Borda against the "votes" npm package on random elections,
/// one Node process per method. Each election is checked in full; failures are collected so one
/// run names every differing seed (rebuild one with VotesElection.Random(seed, ...)).
/// </summary>
public class VotesOracleTests
{
    private const int Elections = 50;

    /// <summary>
    /// Schulze, winning votes (votes' Schulze uses d[a][b] as a link's strength when d[a][b] > d[b][a]).
    /// Truncated ballots: both count a ranked candidate above every unranked one. Compared exactly,
    /// ties or not: the pairwise matrix, and each candidate's score in votes (how many others it beats
    /// by strongest paths over the whole field) against Plenum's strongest paths.
    /// Winners: a candidate that beats every other one (score n − 1) is the only Schulze winner, and
    /// Plenum must elect it. Otherwise some strongest paths are tied and there may be several potential winners (unbeaten):
    /// Plenum picks among them by its tie-breaking order while votes puts the one beating most others
    /// first (seed 2008: C and F both unbeaten, F beats 4 and C 3; votes ranks F first, Plenum's
    /// tie-break picks C), so only this is required: votes' top candidates are among Plenum's
    /// potential winners (a candidate beaten by y scores less than y, the relation being transitive).
    /// The full ranking is not compared: votes ranks by those scores over the whole field, Plenum by
    /// repeated application (paths recomputed without those already placed), two different definitions
    /// (seed 2046: F beats E over the whole field only by a path through C; once C is placed, E beats F directly).
    /// </summary>
    [Fact]
    public void Schulze_matches_votes_on_random_elections()
    {
        var elections = Enumerable.Range(2001, Elections).Select(seed => VotesElection.Random(seed, truncate: true)).ToList();
        CompareEach("schulze", elections, (election, oracle) =>
        {
            var result = Schulze.Run(election.Election, SchulzeVariant.WinningVotes);
            Assert.Equal(Matrix(oracle["pairwise"]!), (long[][])result.Details["pairwise"]);

            var paths = (long[][])result.Details["strongestPaths"];
            var n = election.Names.Length;
            var beatenByPaths = Enumerable.Range(0, n).ToDictionary(
                a => election.Names[a], a => (decimal)Enumerable.Range(0, n).Count(b => paths[a][b] > paths[b][a]));
            Assert.Equal(Scores(oracle), beatenByPaths);

            var top = Tiers(oracle)[0];
            if (beatenByPaths[top[0]] == n - 1) Assert.Equal(top.Single(), result.Winners.Single());
            Assert.Subset(((string[])result.Details["potentialWinners"]).ToHashSet(), top.ToHashSet());
        });
    }

    /// <summary>
    /// Ranked pairs. votes locks pairs by margin, Plenum by winning votes; with complete strict rankings
    /// every pair splits all ballots, so margin = 2 × winning votes − ballots and the two orders agree.
    /// Excluded: elections with a pairwise tie or two defeats of equal strength. votes then locks the tied
    /// defeats together and drops every one of them in a cycle, Plenum orders them by the tie-breaking
    /// order (Zavist–Tideman) and locks one at a time, so the two may legitimately disagree.
    /// Compared: the pairwise matrix and the full ranking (strict, since every pair is decided).
    /// </summary>
    [Fact]
    public void Ranked_pairs_matches_votes_on_random_elections_without_equal_defeats()
    {
        var tried = Enumerable.Range(3001, 4 * Elections).Select(seed => VotesElection.Random(seed, truncate: false)).ToList();
        var elections = tried.Where(e => AllDefeatsDistinct(e.Pairwise())).Take(Elections).ToList();
        Assert.True(elections.Count == Elections, $"only {elections.Count} of {tried.Count} elections have no equal defeats");

        CompareEach("ranked-pairs", elections, (election, oracle) =>
        {
            var result = RankedPairs.Run(election.Election);
            Assert.Equal(Matrix(oracle["pairwise"]!), (long[][])result.Details["pairwise"]);
            var tiers = Tiers(oracle);
            Assert.All(tiers, tier => Assert.Single(tier));
            Assert.Equal(tiers.Select(t => t[0]), (string[])result.Details["ranking"]);
        });
    }

    /// <summary>
    /// Borda, standard. votes gives n points to the first of n candidates, n − 1 to the second, ... and 0 to
    /// unranked ones; Plenum gives one point per candidate ranked below (unranked ones included), so n − 1 to
    /// the first. Every ranked candidate gets exactly one point less per ballot in Plenum, unranked ones 0 in
    /// both: Plenum's total = votes' score − the weight of ballots that rank the candidate. That holds with
    /// truncated ballots too, so every other election has them. Equal rankings are left out: votes gives each the
    /// average of the places they span, Plenum the lowest, by design (ranking equal never earns more than a strict order).
    /// Compared: every total exactly; and, on complete ballots only, Plenum's ranking against votes' (candidates with
    /// equal scores in any order). With truncated ballots the rankings may differ by design: votes' extra point per
    /// ballot ranking a candidate favours candidates ranked by more voters (seed 4029: votes ranks B first, Plenum A).
    /// </summary>
    [Fact]
    public void Borda_matches_votes_on_random_elections()
    {
        var elections = Enumerable.Range(4001, Elections).Select(seed => VotesElection.Random(seed, truncate: seed % 2 == 1)).ToList();
        CompareEach("borda", elections, (election, oracle) =>
        {
            var result = Borda.Run(election.Election, BordaVariant.Standard);
            var expected = Scores(oracle).ToDictionary(
                s => s.Key, s => s.Value - election.Ballots.Where(b => b.Order.Any(c => election.Names[c] == s.Key)).Sum(b => b.Weight));
            Assert.Equal(expected, result.Rounds.Single().Tallies);

            if (election.Ballots.Any(b => b.Order.Length < election.Names.Length)) return;
            var ranking = (string[])result.Details["ranking"];
            var place = 0;
            foreach (var tier in Tiers(oracle))
            {
                Assert.Equal(tier.Order(), ranking.Skip(place).Take(tier.Count).Order());
                place += tier.Count;
            }
        });
    }

    private static void CompareEach(string method, IReadOnlyList<VotesElection> elections, Action<VotesElection, JsonNode> compare)
    {
        var results = VotesElection.CountWithVotes(method, elections);
        var differences = new List<string>();
        foreach (var (election, oracle) in elections.Zip(results))
        {
            try
            {
                compare(election, oracle);
            }
            catch (XunitException e)
            {
                differences.Add($"seed {election.Seed}: {e.Message}\n  votes said: {oracle.ToJsonString()}");
            }
        }
        Assert.True(differences.Count == 0,
            $"{method}: {differences.Count} of {elections.Count} elections differ from votes:\n{string.Join("\n", differences)}");
    }

    /// <summary>No pair tied, and no two defeats with the same number of votes for the winner.</summary>
    private static bool AllDefeatsDistinct(long[,] d)
    {
        var n = d.GetLength(0);
        var pairs = (from a in Enumerable.Range(0, n) from b in Enumerable.Range(a + 1, n - a - 1) select (d[a, b], d[b, a])).ToList();
        return pairs.All(p => p.Item1 != p.Item2) && pairs.Select(p => Math.Max(p.Item1, p.Item2)).Distinct().Count() == pairs.Count;
    }

    private static long[][] Matrix(JsonNode node) =>
        node.AsArray().Select(row => row!.AsArray().Select(v => v!.GetValue<long>()).ToArray()).ToArray();

    private static Dictionary<string, decimal> Scores(JsonNode oracle) =>
        oracle["scores"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<decimal>());

    /// <summary>votes' ranking: groups of candidates with equal scores, best first.</summary>
    private static List<List<string>> Tiers(JsonNode oracle) =>
        oracle["ranking"]!.AsArray().Select(tier => tier!.AsArray().Select(c => c!.GetValue<string>()).ToList()).ToList();
}
