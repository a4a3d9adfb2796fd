using System.Text;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Splits one CSV line into cells (RFC 4180 quoting: "a, b" and "say ""hi"""). Unquoted cells
/// are trimmed. A quoted cell may not span lines: ballots are read one line at a time.
/// </summary>
internal static class CsvLine
{
    public static List<string> Split(string line, string? file, int lineNumber)
    {
        var cells = new List<string>();
        var position = 0;
        while (true)
        {
            cells.Add(ReadCell(line, ref position, file, lineNumber));
            if (position >= line.Length) return cells;
            position++; // the comma
        }
    }

    private static string ReadCell(string line, ref int position, string? file, int lineNumber)
    {
        var start = position;
        while (position < line.Length && line[position] is ' ' or '\t') position++;
        if (position < line.Length && line[position] == '"') return ReadQuoted(line, ref position, file, lineNumber);

        position = start;
        while (position < line.Length && line[position] != ',')
        {
            if (line[position] == '"')
                throw new CountingException($"stray quote in cell {CellNumber(line, position)}; quote the whole cell", file, lineNumber);
            position++;
        }
        return line[start..position].Trim();
    }

    private static string ReadQuoted(string line, ref int position, string? file, int lineNumber)
    {
        var cell = new StringBuilder();
        position++; // opening quote
        while (true)
        {
            if (position >= line.Length)
                throw new CountingException("unterminated quote (a quoted cell cannot span lines)", file, lineNumber);
            if (line[position] == '"')
            {
                if (position + 1 < line.Length && line[position + 1] == '"') { cell.Append('"'); position += 2; continue; }
                position++;
                break;
            }
            cell.Append(line[position++]);
        }
        while (position < line.Length && line[position] is ' ' or '\t') position++;
        if (position < line.Length && line[position] != ',')
            throw new CountingException($"text after the closing quote in cell {CellNumber(line, position)}", file, lineNumber);
        return cell.ToString();
    }

    private static int CellNumber(string line, int position) => line[..position].Count(c => c == ',') + 1;
}
