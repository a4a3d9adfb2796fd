using System.Globalization;
using System.Xml.Linq;
using Plenum.Counting.Results;

namespace Plenum.Decisions;

/// <summary>
/// An IRV or STV count round by round as inline SVG, drawn on the server: one column per round, a bar
/// per candidate still in the count, the quota as a dashed line (STV), elected and eliminated marked in
/// words, changes since the previous round, and the exhausted pile. Built as XML so every name is
/// escaped; states differ by fill and pattern as well as by words, never by colour alone.
/// </summary>
public static class ResultFlow
{
    const double LabelWidth = 88, ColumnWidth = 80, RowHeight = 32, BarHeight = 12, BarInset = 4, BarMax = ColumnWidth - 2 * BarInset - 6;
    const int NameChars = 12; // per line of a name, at 11px in the 88px label column
    const string Ink = "#1d1d1f", Muted = "#55575d", Line = "#c9cbd1", InCount = "#5b8db8", Elected = "#0b3a5a";
    public const string DescriptionId = "result-flow-desc";
    static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <param name="quotaLine">Draw the quota (STV); IRV's majority threshold moves every round and is left to the table.</param>
    public static string Svg(CountResult result, bool quotaLine, string title)
    {
        var standings = new RoundStandings(result);
        var rounds = result.Rounds.Count;
        double header = quotaLine ? 36 : 22; // room for the quota under "Round n"
        var rowCount = standings.Order.Count + 1; // the exhausted pile is the last row
        var height = header + rowCount * RowHeight;
        var width = LabelWidth + rounds * ColumnWidth;
        var largest = Enumerable.Range(0, rounds).Select(r => Math.Max(standings.Inactive(r), result.Rounds[r].Tallies.Values.DefaultIfEmpty(0).Max()))
            .Append(quotaLine ? result.Rounds.Max(r => r.Quota ?? 0) : 0).DefaultIfEmpty(0).Max();
        var scale = largest == 0 ? 0 : BarMax / (double)largest;

        var svg = new XElement(Ns + "svg",
            new XAttribute("class", "flow"), new XAttribute("role", "img"), new XAttribute("aria-label", title),
            new XAttribute("aria-describedby", DescriptionId),
            new XAttribute("width", Number(width)), new XAttribute("height", Number(height)),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XElement(Ns + "title", title),
            new XElement(Ns + "desc", new XAttribute("id", DescriptionId), Description(standings, quotaLine)),
            Patterns());

        for (var row = 0; row < standings.Order.Count; row++)
        {
            var candidate = standings.Order[row];
            svg.Add(Label(candidate, header + row * RowHeight, bold: result.Winners.Contains(candidate)));
        }
        svg.Add(Label("Exhausted", header + standings.Order.Count * RowHeight, bold: false));

        for (var round = 0; round < rounds; round++)
        {
            var left = LabelWidth + round * ColumnWidth;
            svg.Add(new XElement(Ns + "line", Attributes(("x1", left), ("x2", left), ("y1", 0), ("y2", height)), new XAttribute("stroke", Line)));
            svg.Add(Text(left + BarInset, 14, $"Round {result.Rounds[round].Number}", 12, bold: true));
            if (quotaLine && result.Rounds[round].Quota is { } quota)
                svg.Add(Text(left + BarInset, 29, $"quota {Short(quota)}", 10, bold: false));
            for (var row = 0; row < standings.Order.Count; row++)
                if (standings.Votes(round, standings.Order[row]) is { } votes)
                    svg.Add(Bar(standings, round, standings.Order[row], votes, left, header + row * RowHeight, scale));
            var exhausted = standings.Inactive(round);
            var exhaustedTop = header + standings.Order.Count * RowHeight;
            svg.Add(Rect(left + BarInset, exhaustedTop + 4, exhausted * (decimal)scale, "url(#flow-exhausted)"));
            svg.Add(Text(left + BarInset, exhaustedTop + 28, Short(exhausted), 10.5, bold: false));
            if (quotaLine && result.Rounds[round].Quota is { } line)
            {
                var x = left + BarInset + (double)line * scale;
                svg.Add(new XElement(Ns + "line", Attributes(("x1", x), ("x2", x), ("y1", header - 4), ("y2", height)),
                    new XAttribute("stroke", Ink), new XAttribute("stroke-dasharray", "3 2")));
            }
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A bar and its words: votes, then what happened this round (elected, out) or else the change.</summary>
    static IEnumerable<XElement?> Bar(RoundStandings standings, int round, string candidate, decimal votes, double left, double top, double scale)
    {
        var elected = standings.IsElectedBy(round, candidate);
        var eliminated = standings.IsEliminatedIn(round, candidate);
        var fill = eliminated ? "url(#flow-out)" : elected ? Elected : InCount;
        var words = standings.IsElectedIn(round, candidate) ? " ✓ elected"
            : eliminated ? " ✗ out"
            : (standings.Change(round, candidate) is { } change and not 0 ? $" {(change > 0 ? "+" : "−")}{Short(Math.Abs(change))}" : "") + (elected ? " ✓" : "");
        yield return Rect(left + BarInset, top + 4, votes * (decimal)scale, fill);
        yield return Text(left + BarInset, top + 28, Short(votes) + words, 10.5, bold: standings.IsElectedIn(round, candidate));
    }

    /// <summary>A bar, or nothing for zero: the number under it says 0.</summary>
    static XElement? Rect(double x, double y, decimal length, string fill) => length <= 0 ? null
        : new(Ns + "rect", Attributes(("x", x), ("y", y), ("width", Math.Max(1, (double)length)), ("height", BarHeight)),
            new XAttribute("fill", fill), new XAttribute("stroke", Muted), new XAttribute("stroke-width", "0.5"));

    /// <summary>A name on up to two lines, broken after a space or hyphen where it can be; a longer one is shortened, whole on hover.</summary>
    static XElement Label(string name, double top, bool bold)
    {
        var first = LineOf(name);
        var rest = name[first.Length..].TrimStart();
        var shortened = rest.Length > NameChars;
        var second = rest.Length == 0 ? null : shortened ? rest[..(NameChars - 1)].TrimEnd() + "…" : rest;
        var label = new XElement(Ns + "text", Attributes(("x", 0), ("font-size", 11)), new XAttribute("fill", Ink),
            new XElement(Ns + "tspan", Attributes(("x", 0), ("y", second is null ? top + 20 : top + 14)), first.TrimEnd()));
        if (second is not null) label.Add(new XElement(Ns + "tspan", Attributes(("x", 0), ("y", top + 27)), second));
        if (bold) label.Add(new XAttribute("font-weight", "700"));
        if (shortened) label.Add(new XElement(Ns + "title", name));
        return label;
    }

    /// <summary>The first line of a name: all of it if it fits, else up to the last space or hyphen that fits, else as much as fits.</summary>
    static string LineOf(string name)
    {
        if (name.Length <= NameChars) return name;
        var breakAt = name.LastIndexOfAny([' ', '-'], NameChars - 1);
        return breakAt > 0 ? name[..(breakAt + 1)] : name[..NameChars];
    }

    static XElement Text(double x, double y, string text, double size, bool bold)
    {
        var element = new XElement(Ns + "text", Attributes(("x", x), ("y", y), ("font-size", size)), new XAttribute("fill", Ink), text);
        if (bold) element.Add(new XAttribute("font-weight", "700"));
        return element;
    }

    /// <summary>Hatching for eliminated, dots for exhausted: told apart in greyscale and print.</summary>
    static XElement Patterns() => new(Ns + "defs",
        new XElement(Ns + "pattern", new XAttribute("id", "flow-out"), new XAttribute("width", "5"), new XAttribute("height", "5"),
            new XAttribute("patternUnits", "userSpaceOnUse"), new XAttribute("patternTransform", "rotate(45)"),
            new XElement(Ns + "rect", new XAttribute("width", "5"), new XAttribute("height", "5"), new XAttribute("fill", "#fff")),
            new XElement(Ns + "line", Attributes(("x1", 0), ("y1", 0), ("x2", 0), ("y2", 5)), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2.5"))),
        new XElement(Ns + "pattern", new XAttribute("id", "flow-exhausted"), new XAttribute("width", "4"), new XAttribute("height", "4"),
            new XAttribute("patternUnits", "userSpaceOnUse"),
            new XElement(Ns + "rect", new XAttribute("width", "4"), new XAttribute("height", "4"), new XAttribute("fill", "#fff")),
            new XElement(Ns + "circle", Attributes(("cx", 2), ("cy", 2), ("r", 1)), new XAttribute("fill", Muted))));

    /// <summary>The chart in words, round by round, for screen readers and anyone who cannot see it.</summary>
    static string Description(RoundStandings standings, bool quotaLine)
    {
        var sentences = standings.Rounds.Select((round, r) =>
        {
            var parts = new List<string>
            {
                $"Round {round.Number}: " + string.Join(", ", standings.Order.Where(c => round.Tallies.ContainsKey(c)).Select(c => $"{c} {Short(round.Tallies[c])}")),
            };
            if (quotaLine && round.Quota is { } quota) parts.Add($"quota {Short(quota)}");
            if (standings.Inactive(r) != 0) parts.Add($"exhausted {Short(standings.Inactive(r))}");
            if (round.Elected.Count > 0) parts.Add($"elected {string.Join(", ", round.Elected)}");
            if (round.Eliminated.Count > 0) parts.Add($"eliminated {string.Join(", ", round.Eliminated)}");
            return string.Join("; ", parts) + ".";
        });
        return string.Join(" ", sentences);
    }

    static IEnumerable<XAttribute> Attributes(params (string Name, double Value)[] values) =>
        values.Select(v => new XAttribute(v.Name, Number(v.Value)));

    static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>At most two decimals: the chart is for seeing; the table beside it has every digit.</summary>
    static string Short(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
