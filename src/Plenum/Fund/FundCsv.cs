using System.Text;

namespace Plenum.Fund;

/// <summary>
/// The ledger as CSV for accounting (RFC 4180: comma separated, CRLF line ends, fields with commas,
/// quotes or line breaks quoted). Anonymous recipients stay anonymous, and text a spreadsheet would run
/// as a formula gets an apostrophe in front.
/// </summary>
public static class FundCsv
{
    static readonly string[] Header = ["number", "date", "kind", "in", "out", "pledged", "currency", "from or to", "purpose", "decision", "status", "note", "recorded by", "recorded at (UTC)"];

    public static string Write(IEnumerable<LedgerRow> rows, string currency)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in rows)
            Line(csv, [r.Number.ToString(), r.Date.ToString("yyyy-MM-dd"), r.KindName, Amount(r.In, currency), Amount(r.Out, currency), Amount(r.Pledged, currency),
                currency, r.Counterparty, r.Category ?? "", r.DecisionId?.ToString() ?? "", r.Status ?? "", r.Note ?? "", r.RecordedBy,
                r.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss")]);
        return csv.ToString();
    }

    static string Amount(long minor, string currency) => minor == 0 ? "" : Money.Plain(minor, currency);

    static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>One field, defused and quoted as needed.</summary>
    public static string Cell(string value)
    {
        // A cell starting like a formula (=, +, -, @, or a tab or carriage return before one) runs in spreadsheets; the apostrophe makes it text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
