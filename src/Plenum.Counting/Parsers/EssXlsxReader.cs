using System.Globalization;
using System.Text;
using ExcelDataReader;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Reads an ES&amp;S cast-vote-record workbook (.xlsx): one ballot per row of the first sheet, one
/// rank per column starting at the source's first vote column. Rows are streamed, never loaded whole.
/// </summary>
public static class EssXlsxReader
{
    static EssXlsxReader()
    {
        // ExcelDataReader builds a Windows-1252 fallback encoding even for .xlsx files,
        // which .NET only has once the code-pages provider (part of the runtime) is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <param name="rankColumns">How many columns hold ranks (RCTab's maximum rankings allowed).</param>
    /// <exception cref="CountingException">A file that is not a workbook, or a cell naming no candidate; with file and row.</exception>
    public static IEnumerable<RankedBallot> Read(Stream stream, string fileName, CvrSource source, CandidateNames candidates, int rankColumns)
    {
        using var reader = Open(stream, fileName);
        var firstColumn = source.FirstVoteColumn - 1;
        while (NextRow(reader, fileName) is { } row)
        {
            if (row.Number < source.FirstVoteRow || row.Cells.All(c => c is null)) continue;
            var ranks = new int[rankColumns][];
            for (var rank = 0; rank < rankColumns; rank++)
            {
                var column = firstColumn + rank;
                var text = column < row.Cells.Length ? CellText(row.Cells[column]) : null;
                ranks[rank] = candidates.Resolve(text, source, fileName, row.Number);
            }
            yield return new RankedBallot(ranks);
        }
    }

    private sealed record Row(int Number, object?[] Cells);

    private static IExcelDataReader Open(Stream stream, string fileName)
    {
        try
        {
            return ExcelReaderFactory.CreateOpenXmlReader(stream);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new CountingException($"not a readable .xlsx workbook ({error.Message})", fileName);
        }
    }

    // Reading happens here rather than in the iterator because an iterator cannot catch around a yield.
    private static Row? NextRow(IExcelDataReader reader, string fileName)
    {
        try
        {
            if (!reader.Read()) return null;
            var cells = new object?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetValue(i);
            return new Row(reader.Depth + 1, cells);
        }
        catch (Exception error) when (error is not OutOfMemoryException and not CountingException)
        {
            throw new CountingException($"the workbook is damaged ({error.Message})", fileName, reader.Depth + 1);
        }
    }

    private static string? CellText(object? cell) => cell switch
    {
        null => null,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
