using System.Xml.Linq;
using Plenum.Decisions;

namespace Plenum.Tests.Decisions;

public sealed class ResultFlowTests
{
    static XElement Flow(Plenum.Counting.Results.CountResult count, bool quotaLine) => XElement.Parse(ResultFlow.Svg(count, quotaLine, "Votes round by round"));

    static IEnumerable<string> Texts(XElement svg) => svg.Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value);

    [Fact]
    public void An_stv_flow_has_a_column_and_a_quota_line_per_round_and_marks_who_was_elected_and_who_went_out()
    {
        var count = SampleCounts.Meek;
        var svg = Flow(count, quotaLine: true);

        Assert.Equal(["Round 1", "Round 2", "Round 3"], Texts(svg).Where(t => t.StartsWith("Round ")));
        Assert.Equal(3, svg.Elements().Count(e => e.Name.LocalName == "line" && e.Attribute("stroke-dasharray") is not null));
        Assert.Equal(["quota 2.67", "quota 2.67", "quota 2.63"], Texts(svg).Where(t => t.StartsWith("quota ")));
        Assert.Equal(["3 ✓ elected", "3 ✓ elected"], Texts(svg).Where(t => t.EndsWith("elected"))); // Ana in round 1, Dee in round 3
        Assert.Equal(2, Texts(svg).Count(t => t.EndsWith("✗ out"))); // the markup candidate in round 2, Bo in round 3
        Assert.Contains("2.67 −0.33 ✓", Texts(svg)); // Ana's surplus passed on in round 2: a change, and still elected
        Assert.Contains("Exhausted", Texts(svg));
        Assert.Contains("Ana", Texts(svg)); // a short name on one line
    }

    [Fact]
    public void An_irv_flow_draws_no_quota_line_and_bars_follow_the_votes()
    {
        var svg = Flow(SampleCounts.Irv, quotaLine: false);
        Assert.Equal(3, Texts(svg).Count(t => t.StartsWith("Round ")));
        Assert.DoesNotContain(svg.Elements(), e => e.Attribute("stroke-dasharray") is not null);
        Assert.DoesNotContain(Texts(svg), t => t.StartsWith("quota"));

        // Round 1 bars in list order (Ana 3, Dee 2, Bo 2, markup 1); nothing is exhausted yet, so the pile has no bar.
        var firstColumn = svg.Elements().Where(e => e.Name.LocalName == "rect" && e.Attribute("x")!.Value == "92")
            .Select(e => double.Parse(e.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, firstColumn.Count);
        Assert.Equal(firstColumn[0] * 2 / 3, firstColumn[1], 0.1);
        Assert.Equal(firstColumn[0] / 3, firstColumn[3], 0.1);
    }

    [Fact]
    public void The_flow_is_an_image_described_in_words_and_names_cannot_inject_markup()
    {
        var html = ResultFlow.Svg(SampleCounts.Meek, quotaLine: true, "Votes round by round");
        Assert.DoesNotContain("<script", html);
        var svg = XElement.Parse(html);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        // Shown as text on two lines, shortened, with the whole name as the label's tooltip.
        var label = svg.Elements().Single(e => e.Name.LocalName == "text" && e.Elements().Any(t => t.Name.LocalName == "title" && t.Value == SampleCounts.Markup));
        Assert.Equal(["<script>aler", "t(1)</scrip…"], label.Elements().Where(e => e.Name.LocalName == "tspan").Select(e => e.Value));

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("Votes round by round", svg.Attribute("aria-label")!.Value);
        var desc = svg.Elements().Single(e => e.Name.LocalName == "desc");
        Assert.Equal(desc.Attribute("id")!.Value, svg.Attribute("aria-describedby")!.Value);
        Assert.StartsWith("Round 1: Ana 3, Dee 2, Bo 2, <script>alert(1)</script> 1; quota 2.67; elected Ana. Round 2:", desc.Value);
        Assert.EndsWith("elected Dee; eliminated Bo.", desc.Value);
    }

    [Fact]
    public void Long_names_break_onto_a_second_line_where_a_space_or_hyphen_allows()
    {
        var election = new Plenum.Counting.Ballots.RankedElection(["Dee Murphy-Santos", "Rent Strike News", "Ana"], 1,
            [Plenum.Counting.Ballots.RankedBallot.Of(2, 0), Plenum.Counting.Ballots.RankedBallot.Of(1, 1), Plenum.Counting.Ballots.RankedBallot.Of(1, 2)]);
        var svg = Flow(Plenum.Counting.Irv.IrvCount.Run(election, new Plenum.Counting.Irv.IrvRules()), quotaLine: false);
        var lines = svg.Elements().Where(e => e.Name.LocalName == "text" && e.Elements().Count(t => t.Name.LocalName == "tspan") == 2)
            .Select(e => e.Elements().Select(t => t.Value).ToArray()).ToList();
        Assert.Contains(["Dee Murphy-", "Santos"], lines);
        Assert.Contains(["Rent Strike", "News"], lines);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "title" && e.Parent!.Name.LocalName == "text"); // nothing was cut short
    }
}
