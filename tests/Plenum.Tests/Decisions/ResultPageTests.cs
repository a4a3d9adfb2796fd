using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Results;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Decisions.DecisionSteps;

namespace Plenum.Tests.Decisions;

/// <summary>
/// A closed decision shows its count in full (the flow of rounds, the count sheet, the head-to-head
/// matrix), and the anonymised ballots it offers recount to the same result with the `plenum tally`
/// command printed beside each download.
/// </summary>
public sealed class ResultPageTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("plenum-recount-").FullName;
    PlenumServer Server => fixture.Server;
    DecisionSteps Steps => new(Server);

    [Fact]
    public async Task An_instant_runoff_shows_its_rounds_as_a_flow_and_a_count_sheet_and_its_ballots_recount_alike()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Flow crew", "majority-quorum", 4);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "Name for the newsletter", "RankedChoice", "The Plenum\nRent Strike News\nOur Street");
        // First choices: 2 The Plenum, 1 Rent Strike News (then Our Street), 2 Our Street.
        foreach (var (voter, ranks) in new[] { (founder, new[] { 1, 0, 2 }), (members[0], [1, 2, 0]), (members[1], [0, 0, 1]), (members[2], [2, 0, 1]), (members[3], [0, 1, 2]) })
            await RankAsync(voter, path, ranks);
        Assert.Equal(HttpStatusCode.NotFound, (await founder.Http.GetAsync(path + "?handler=Ballots&format=json")).StatusCode); // not before it closes

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        var flow = closed.Document.QuerySelector("svg.flow")!;
        Assert.Equal("img", flow.GetAttribute("role"));
        Assert.Equal(["Round 1", "Round 2"], Texts(flow).Where(t => t.StartsWith("Round ")));
        Assert.Empty(flow.QuerySelectorAll("line[stroke-dasharray]")); // IRV draws no quota line
        Assert.Contains("3 ✓ elected", Texts(flow));
        Assert.Contains("1 ✗ out", Texts(flow));
        Assert.StartsWith("Round 1: Our Street 2, The Plenum 2, Rent Strike News 1; eliminated Rent Strike News.", flow.QuerySelector("desc")!.TextContent);

        var sheet = Table(closed, "Count round by round");
        Assert.Equal(["3", "3"], RowCells(sheet, "Threshold"));
        Assert.Equal(["–", "Our Street: reached the threshold of 3"], RowCells(sheet, "Elected"));
        Assert.Equal(["Rent Strike News: fewest votes (1)", "–"], RowCells(sheet, "Eliminated"));
        Assert.Equal(["from Rent Strike News: Our Street +1", "–"], RowCells(sheet, "Votes moved"));

        await AssertRecountsAlikeAsync(founder, closed, path, "blt", "json");
    }

    [Theory]
    [InlineData("consent-circle", "meek", 3)]
    [InlineData("majority-quorum", "stv-scottish", 2)]
    public async Task An_election_shows_the_quota_in_its_flow_and_count_sheet_and_its_ballots_recount_alike(string template, string method, int rounds)
    {
        var (slug, founder, members) = await Steps.GroupAsync($"Flow election {method}", template, 7);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "Delegates to the federation", "Election", "Ana\nBo\nCy\nDee", seats: 2);
        var rankings = new[] { new[] { 1, 2, 0, 0 }, [1, 2, 0, 0], [1, 0, 2, 0], [2, 1, 0, 0], [2, 1, 0, 0], [0, 2, 0, 1], [0, 0, 1, 2], [0, 0, 0, 1] };
        WebSession[] voters = [founder, .. members];
        for (var v = 0; v < voters.Length; v++) await RankAsync(voters[v], path, rankings[v]);

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        Assert.Contains($"Counted by {method}", closed.Text);
        var flow = closed.Document.QuerySelector("svg.flow")!;
        Assert.Equal(rounds, Texts(flow).Count(t => t.StartsWith("Round ")));
        Assert.Equal(rounds, flow.QuerySelectorAll("line[stroke-dasharray]").Length);
        Assert.Equal(2, Texts(flow).Count(t => t.EndsWith("✓ elected")));

        var sheet = Table(closed, "Count round by round");
        Assert.StartsWith("Ana: reached the quota of ", RowCells(sheet, "Elected")[0]);
        Assert.Equal("Bo: the seats were filled", RowCells(sheet, "Eliminated")[^1].Split("; ")[^1]);
        if (method == "meek") Assert.Equal("Ana 0.888888889", RowCells(sheet, "Keep factors below 1")[1]);
        Assert.Contains(closed.Document.QuerySelectorAll("code.command"), c => c.TextContent.EndsWith($"--method {method}"));

        await AssertRecountsAlikeAsync(founder, closed, path, "blt", "json");
    }

    [Fact]
    public async Task A_schulze_decision_shows_the_pairwise_matrix_smith_set_and_strongest_paths_and_its_ballots_recount_alike()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Condorcet crew", "majority-quorum", 4);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "What we cook", "Condorcet", "Soup\nBread\nMusic");
        // A cycle: Soup beats Bread 3–2, Bread beats Music 4–1, Music beats Soup 3–2.
        foreach (var (voter, ranks) in new[] { (founder, new[] { 1, 2, 3 }), (members[0], [1, 2, 3]), (members[1], [3, 1, 2]), (members[2], [3, 1, 2]), (members[3], [2, 3, 1]) })
            await RankAsync(voter, path, ranks);

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        var matrix = Table(closed, "Head to head");
        Assert.Equal(["Option", "Soup", "Bread", "Music"], matrix.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        Assert.Equal(["–", "3 (wins)", "2"], RowCells(matrix, "Soup"));
        Assert.Equal(["2", "–", "4 (wins)"], RowCells(matrix, "Bread"));
        Assert.Equal("3", matrix.QuerySelector("tbody tr:first-child td:nth-of-type(2) strong")!.TextContent);
        Assert.Matches(@"Counted by schulze: (Soup|Bread)\.", closed.Text); // a head-to-head count has no rounds to speak of
        Assert.Contains("No option beats every other one head to head.", closed.Text);
        Assert.Contains("Smith set (the smallest group of options that each beat everyone outside it): Soup, Bread, Music.", Normalised(closed.Text));
        Assert.Equal(["3", "–", "4 (stronger)"], RowCells(Table(closed, "Strongest paths"), "Bread")); // Bread and Soup reach each other equally strongly
        Assert.Contains("Place 1: Soup, Bread tied;", Normalised(closed.Text)); // both are potential winners: the lot decides, recorded

        await AssertRecountsAlikeAsync(founder, closed, path, "blt", "json");

        // A count stored without strongest paths (as ranked pairs stores it) still renders, without that table.
        var id = Guid.Parse(path.Split('/')[^1]);
        var trimmed = System.Text.Json.Nodes.JsonNode.Parse(await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == id).Select(d => d.CountJson!).SingleAsync()))!;
        trimmed["details"]!.AsObject().Remove("strongestPaths");
        await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == id).ExecuteUpdateAsync(d => d.SetProperty(x => x.CountJson, trimmed.ToJsonString())));
        var older = await founder.GetAsync(path);
        Assert.Equal(["–", "3 (wins)", "2"], RowCells(Table(older, "Head to head"), "Soup"));
        Assert.DoesNotContain("Strongest paths", older.Text);
    }

    [Theory]
    [InlineData("Score", "5,1,0|4,2,0|0,5,5")]   // totals 9, 8, 5
    [InlineData("DotVote", "3,2,0|0,5,0|4,0,1")] // totals 7, 7, 1: the lot decides, and the recount as scores must draw the same
    public async Task Scores_and_dots_show_bars_and_totals_and_their_ballots_recount_alike_as_scores(string type, string ballots)
    {
        var (slug, founder, members) = await Steps.GroupAsync($"Totals {type}", "majority-quorum", 2);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "Outreach", type, "Flyers\nPosters\nRadio");
        WebSession[] voters = [founder, .. members];
        var rows = ballots.Split('|');
        for (var v = 0; v < voters.Length; v++)
        {
            var numbers = rows[v].Split(',');
            var page = await voters[v].SubmitAsync(await voters[v].GetAsync(path), "form[action*='Vote']",
                Fields(("Points[0]", numbers[0]), ("Points[1]", numbers[1]), ("Points[2]", numbers[2])));
            Assert.Contains("Your vote is recorded", page.Text);
        }

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        Assert.NotNull(closed.Document.QuerySelector("svg.bars"));
        var totals = Table(closed, type == "Score" ? "Total score for each option" : "Dots for each option");
        Assert.Equal(type == "Score" ? ["9 chosen", "8", "5"] : ["7 chosen", "7", "1"], totals.QuerySelectorAll("tbody td").Select(td => Normalised(td.TextContent)));

        await AssertRecountsAlikeAsync(founder, closed, path, "csv");
    }

    [Fact]
    public async Task A_secret_approval_poll_offers_its_ballots_as_json_only_and_they_recount_alike()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Secret poll crew", "majority-quorum", 2);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "What to bring", "Poll", "Bread\nSoup\nMusic", maxChoices: 2, secret: true);
        foreach (var (voter, chosen) in new[] { (founder, new[] { "0", "1" }), (members[0], ["1"]), (members[1], ["1", "2"]) })
        {
            var ticked = chosen.Select((option, i) => ($"Chosen[{i}]", option)).ToArray(); // boxes ticked, as indexed form fields
            var page = await voter.SubmitAsync(await voter.GetAsync(path), "form[action*='Vote']", Fields(ticked));
            Assert.Contains("Your secret ballot is in the box", page.Text);
        }

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        Assert.Contains("Chosen: Soup", closed.Text);
        Assert.Equal(["Soup 3 chosen", "Bread 1", "Music 1"], Table(closed, "Votes for each option").QuerySelectorAll("tbody tr").Select(tr => Normalised(tr.TextContent)));
        Assert.Contains("--method approval --min-choices 1 --max-choices 2", closed.Document.QuerySelector("code.command")!.TextContent);
        await AssertRecountsAlikeAsync(founder, closed, path, "json");
    }

    static IEnumerable<string> Texts(IElement svg) => svg.QuerySelectorAll("text").Select(t => t.ChildNodes.First().TextContent);

    static string Normalised(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>The result table whose caption starts with <paramref name="caption"/>.</summary>
    static IElement Table(WebSession.Page page, string caption) =>
        page.Document.QuerySelectorAll("table.result").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith(caption));

    /// <summary>The cells of the row headed <paramref name="header"/>, as read aloud (hidden words included), spaces collapsed.</summary>
    static string[] RowCells(IElement table, string header) =>
        [.. table.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == header).QuerySelectorAll("td").Select(td => Normalised(td.TextContent))];

    /// <summary>
    /// Downloads every ballot file the page offers, runs the `plenum tally` command printed beside it
    /// (with --json) and checks the recount against the count stored when the decision closed.
    /// </summary>
    async Task AssertRecountsAlikeAsync(WebSession who, WebSession.Page page, string path, params string[] formats)
    {
        var id = Guid.Parse(path.Split('/')[^1]);
        var stored = JsonSerializer.Deserialize<CountResult>(
            await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == id).Select(d => d.CountJson!).SingleAsync()), ResultJson.Options)!;
        var offered = page.Document.QuerySelectorAll("ul.downloads li");
        Assert.Equal(formats, offered.Select(li => li.QuerySelector("a")!.GetAttribute("href")!.Split("format=")[^1]));
        foreach (var item in offered)
        {
            var link = item.QuerySelector("a")!;
            var fileName = link.GetAttribute("download")!;
            var file = Path.Combine(_folder, fileName);
            await File.WriteAllBytesAsync(file, await who.Http.GetByteArrayAsync(path + link.GetAttribute("href")));
            var command = item.QuerySelector("code.command")!.TextContent.Split(' ');
            Assert.Equal(["plenum", "tally", fileName], command[..3]);

            var (exit, output, error) = PlenumProcess.Run([.. command[1..].Select(arg => arg == fileName ? file : arg), "--json"]);
            Assert.True(exit == 0, $"{string.Join(' ', command)}: {error}");
            var recount = JsonSerializer.Deserialize<CountResult>(output, ResultJson.Options)!;
            Assert.Equal(stored.Winners, recount.Winners);
            Assert.Equal(Tallies(stored), Tallies(recount));
            Assert.Equal(stored.Ties.Select(t => t.Chosen), recount.Ties.Select(t => t.Chosen));
            Assert.Equal(CondorcetDetails.From(stored)?.Pairwise, CondorcetDetails.From(recount)?.Pairwise);
        }
    }

    static IEnumerable<string> Tallies(CountResult result) =>
        result.Rounds.Select(round => string.Join(", ", round.Tallies.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}")));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
