using System.Globalization;
using System.Xml.Linq;

namespace Plenum.Aid;

/// <summary>
/// Bar charts of the dashboard as server-side SVG (built with System.Xml.Linq, so text is escaped by
/// construction). Series differ by pattern as well as shade and are named in a legend and in the
/// chart's description; the same numbers stand in a table beside it.
/// </summary>
public static class AidCharts
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    const int BarWidth = 7, Gap = 6, Height = 120, Top = 22, Bottom = 18, Left = 28;

    public sealed record Series(string Name, string Fill, Func<AidWeek, int> Value);

    /// <param name="id">Unique on the page: prefixes the ids inside the SVG.</param>
    /// <param name="series">A Fill of "hatch" draws diagonal lines.</param>
    public static string Bars(string id, string title, IReadOnlyList<AidWeek> weeks, params Series[] series)
    {
        var max = Math.Max(1, weeks.SelectMany(w => series.Select(s => s.Value(w))).DefaultIfEmpty(0).Max());
        var groupWidth = series.Length * BarWidth + Gap;
        var width = Left + weeks.Count * groupWidth + Gap;
        var total = Top + Height + Bottom;
        var description = string.Join("; ", weeks.Select(w => $"week of {w.Starts:d MMM}: " + string.Join(", ", series.Select(s => $"{s.Value(w)} {s.Name}"))));
        var root = new XElement(Svg + "svg",
            new XAttribute("class", "bars"), new XAttribute("role", "img"), new XAttribute("viewBox", $"0 0 {width} {total}"),
            new XAttribute("aria-labelledby", $"{id}-t {id}-d"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-t"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-d"), description),
            new XElement(Svg + "defs", new XElement(Svg + "pattern", new XAttribute("id", $"{id}-hatch"), new XAttribute("width", 4), new XAttribute("height", 4),
                new XAttribute("patternUnits", "userSpaceOnUse"),
                new XElement(Svg + "rect", new XAttribute("width", 4), new XAttribute("height", 4), new XAttribute("fill", "#fff")),
                new XElement(Svg + "path", new XAttribute("d", "M0,4 L4,0"), new XAttribute("stroke", "#333"), new XAttribute("stroke-width", 1)))),
            new XElement(Svg + "text", new XAttribute("x", 0), new XAttribute("y", Top + 4), new XAttribute("font-size", 8), max.ToString(CultureInfo.InvariantCulture)),
            new XElement(Svg + "line", new XAttribute("x1", Left - 2), new XAttribute("x2", width), new XAttribute("y1", Top + Height), new XAttribute("y2", Top + Height),
                new XAttribute("stroke", "#555")));
        for (var i = 0; i < series.Length; i++)
        {
            root.Add(new XElement(Svg + "rect", new XAttribute("x", Left + i * 70), new XAttribute("y", 4), new XAttribute("width", 8), new XAttribute("height", 8),
                new XAttribute("fill", Fill(id, series[i])), new XAttribute("stroke", "#333")));
            root.Add(new XElement(Svg + "text", new XAttribute("x", Left + i * 70 + 11), new XAttribute("y", 11), new XAttribute("font-size", 8), series[i].Name));
        }
        for (var w = 0; w < weeks.Count; w++)
        {
            var x = Left + w * groupWidth;
            for (var i = 0; i < series.Length; i++)
            {
                var value = series[i].Value(weeks[w]);
                var h = (int)Math.Round((double)value / max * Height);
                root.Add(new XElement(Svg + "rect", new XAttribute("x", x + i * BarWidth), new XAttribute("y", Top + Height - h), new XAttribute("width", BarWidth - 1),
                    new XAttribute("height", h), new XAttribute("fill", Fill(id, series[i])), new XAttribute("stroke", "#333"), new XAttribute("stroke-width", 0.5)));
            }
            if (w % 2 == 0)
                root.Add(new XElement(Svg + "text", new XAttribute("x", x), new XAttribute("y", total - 4), new XAttribute("font-size", 7),
                    weeks[w].Starts.ToString("d MMM", CultureInfo.InvariantCulture)));
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }

    static string Fill(string id, Series series) => series.Fill == "hatch" ? $"url(#{id}-hatch)" : series.Fill;
}
