using System.Globalization;
using System.Net;
using System.Text;

namespace Plenum.Decisions;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: readable without JavaScript, no
/// request elsewhere, and the numbers stay in the table beside it for screen readers.
/// </summary>
public static class ResultBars
{
    const int Width = 320, BarHeight = 22, Gap = 8, LabelWidth = 120;

    public static string Svg(IReadOnlyList<(string Label, decimal Value)> bars, string title)
    {
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var height = bars.Count * (BarHeight + Gap);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bars\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = i * (BarHeight + Gap);
            var length = max == 0 ? 0 : (double)(value / max) * (Width - LabelWidth - 50);
            var shown = label.Length > 18 ? label[..17] + "…" : label;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + 16}\" font-size=\"12\" fill=\"#1d1d1f\">{WebUtility.HtmlEncode(shown)}</text>" +
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight}\" fill=\"#0b5a8a\"/>" +
                $"<text x=\"{LabelWidth + length + 4:0.#}\" y=\"{y + 16}\" font-size=\"12\" fill=\"#1d1d1f\">{WebUtility.HtmlEncode(Counting.Results.ResultText.Number(value))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
