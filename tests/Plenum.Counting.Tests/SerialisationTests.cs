using System.Text.Json;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Proposals;
using Plenum.Counting.Simple;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests;

/// <summary>Results are stored and shown as JSON, so Details must hold only plain values.</summary>
public class SerialisationTests
{
    [Fact]
    public void Every_result_serialises_to_JSON()
    {
        var election = Tennessee.Election with { Seats = 2 };
        var results = new[]
        {
            Schulze.Run(election), Schulze.Run(election, SchulzeVariant.Margins), RankedPairs.Run(election),
            Plurality.Run(election), Borda.Run(election), Borda.Run(election, BordaVariant.Dowdall),
        };
        foreach (var result in results)
        {
            var json = JsonSerializer.Serialize(result);
            using var document = JsonDocument.Parse(json);
            Assert.Equal(result.Method, document.RootElement.GetProperty("Method").GetString());
        }
        var schulze = JsonDocument.Parse(JsonSerializer.Serialize(results[0])).RootElement.GetProperty("Details");
        Assert.Equal(42, schulze.GetProperty("pairwise")[0][1].GetInt64());
        Assert.Equal("Nashville", schulze.GetProperty("smithSet")[0].GetString());
    }

    [Fact]
    public void Proposal_outcomes_serialise_to_JSON()
    {
        var outcome = ProposalTally.Decide(ProposalRule.Consent, Proposals.ProposalCases.Votes(5, agree: 3));
        Assert.Contains("\"Explanation\"", JsonSerializer.Serialize(outcome));
    }
}
