using System.Xml.Linq;
using Plenum.Decisions;

namespace Plenum.Tests.Decisions;

public sealed class ResultBarsTests
{
    [Fact]
    public void Bars_are_proportional_and_labels_cannot_inject_markup()
    {
        var svg = XElement.Parse(ResultBars.Svg([("<script>alert(1)</script>", 30m), ("Soup", 15m), ("None", 0m)], "Votes"));
        var widths = svg.Elements().Where(e => e.Name.LocalName == "rect").Select(e => double.Parse(e.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.Equal(widths[0] / 2, widths[1], 1);
        Assert.Equal(0, widths[2]);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        Assert.Equal("Votes", svg.Attribute("aria-label")!.Value);
    }
}
