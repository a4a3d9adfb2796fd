using System.Text;
using Plenum.Counting.Ballots;
using Plenum.Counting.Parsers;
using Plenum.Counting.Simple;

namespace Plenum.Counting.Tests.Parsers;

/// <summary>What the writers write, the readers read back unchanged: downloaded ballots recount to the same result.</summary>
public class BallotWriterTests
{
    static readonly string[] Awkward = ["Ana \"the Rock\" Ruiz", "Bo, Jr.", "Çelik", "<script>"];

    [Fact]
    public void A_ranked_election_round_trips_through_the_test_case_schema()
    {
        var election = new RankedElection(Awkward, 2,
        [
            RankedBallot.Of(3, 0, 1),
            new RankedBallot([[2], [], [RankedBallot.OvervoteMark], [3]], 1),
            RankedBallot.Of(2, 3),
        ], new HashSet<int> { 1 }, "Delegates \"2026\"");
        var text = new StringWriter();
        CaseJsonWriter.Write(text, election);

        var read = CaseJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "ballots.json");
        Assert.Equal(election.Candidates, read.Election.Candidates);
        Assert.Equal(2, read.Election.Seats);
        Assert.Equal("Delegates \"2026\"", read.Election.Title);
        Assert.Equal([1], read.Election.WithdrawnCandidates);
        Assert.Equal(election.Ballots.Select(b => b.Weight), read.Election.Ballots.Select(b => b.Weight));
        Assert.Equal(election.Ballots.Select(b => b.Ranks), read.Election.Ballots.Select(b => b.Ranks));
        Assert.Contains("    [3, [\"Ana \\\"the Rock\\\" Ruiz\", \"Bo, Jr.\"]]", text.ToString()); // one ballot group per line, readable names
    }

    [Fact]
    public void Names_and_ranks_the_schema_cannot_hold_are_refused_not_mangled()
    {
        Assert.False(CaseJsonWriter.CanWrite(["A", "#"]));
        Assert.Throws<CountingException>(() => CaseJsonWriter.Write(new StringWriter(), new RankedElection(["A", "#"], 1, [])));
        Assert.Throws<CountingException>(() => CaseJsonWriter.Write(new StringWriter(), new RankedElection(["A", "B"], 1, [new RankedBallot([[0, 1]])])));
    }

    [Fact]
    public void Score_ballots_round_trip_through_csv()
    {
        var election = new SimpleElection<ScoreBallot>(Awkward, 1,
        [
            new ScoreBallot([5, 0, null, 2], 4),
            new ScoreBallot([0, 3, 1, 0], 1),
        ]);
        var text = new StringWriter();
        ScoreCsvWriter.Write(text, election);

        var read = ScoreCsvReader.Read(new StringReader(text.ToString()), "scores.csv");
        Assert.Equal(election.Candidates, read.Candidates);
        Assert.Equal(election.Ballots.Select(b => b.Weight), read.Ballots.Select(b => b.Weight));
        Assert.Equal(election.Ballots.Select(b => b.Scores), read.Ballots.Select(b => b.Scores));
        Assert.Equal(ScoreVoting.Run(election, new ScoreRange(0, 5)).Winners, ScoreVoting.Run(read, new ScoreRange(0, 5)).Winners);
    }

    [Fact]
    public void A_candidate_named_count_cannot_be_a_score_column()
    {
        Assert.False(ScoreCsvWriter.CanWrite(["Count", "B"]));
        Assert.Throws<CountingException>(() => ScoreCsvWriter.Write(new StringWriter(), new SimpleElection<ScoreBallot>(["count", "B"], 1, [])));
    }
}
