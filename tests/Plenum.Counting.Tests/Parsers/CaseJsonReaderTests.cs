using System.Text;
using Plenum.Counting.Ballots;
using Plenum.Counting.Parsers;

namespace Plenum.Counting.Tests.Parsers;

public class CaseJsonReaderTests
{
    private static CountingCase Read(string json) =>
        CaseJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "case.json");

    [Fact]
    public void Delimiter_first_rankings_with_overvotes_and_skips()
    {
        var spec = Read("""{"nbr_seats_to_fill": 1, "candidates": " A B", "ballots": [[2, " A # B"], [1, "||B"], [3, ["B", ""]]], "tie_breaker": " B A"}""");
        Assert.Equal([[0], [RankedBallot.OvervoteMark], [1]], spec.Election.Ballots[0].Ranks);
        Assert.Equal([[], [1]], spec.Election.Ballots[1].Ranks);
        Assert.Equal(3, spec.Election.Ballots[2].Weight);
        Assert.Equal([1, 0], spec.TieBreakOrder);
    }

    [Theory]
    [InlineData("""{"nbr_seats_to_fill": 1, "candidates": " A", "ballots": [[1, " Z"]]}""", "'Z' is not a candidate")]
    [InlineData("""{"nbr_seats_to_fill": 1, "candidates": " A A"}""", "listed twice")]
    [InlineData("""{"nbr_seats_to_fill": 1, "candidates": " A", "ballots": [[0, " A"]]}""", "must be positive")]
    [InlineData("""{"nbr_seats_to_fill": "two", "candidates": " A"}""", "whole number")]
    [InlineData("""{"candidates": " A",""", "not valid JSON")]
    [InlineData("""{"nbr_seats_to_fill": 1, "candidates": " A", "include": ["missing.json"]}""", "not found")]
    [InlineData("""{"nbr_seats_to_fill": 1, "candidates": " A", "options": {"alternative_defeats": "maybe"}}""", "Y or N")]
    public void Malformed_cases_are_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<CountingException>(() => Read(json));
        Assert.Equal("case.json", error.File);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Exception_cases_are_read_and_the_count_refuses_them()
    {
        var spec = CaseJsonReader.ReadFile(Support.Conformance.PathOf("meek-prf", "tests", "test_onew", "onew-003.json"));
        Assert.NotNull(spec.ExpectedException);
        Assert.Throws<CountingException>(() => Plenum.Counting.Stv.MeekCount.Run(spec.Election, spec.ToMeekRules()));
    }
}
