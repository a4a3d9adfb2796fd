namespace Plenum.Decisions;

/// <summary>
/// A table of a count, built from the result and rendered by one partial (_ResultTable) with a short
/// caption, column and row headers, so every result table is accessible the same way. The longer
/// <paramref name="Hint"/> says how to read it, shown above the table where a phone need not scroll sideways to read it.
/// </summary>
public sealed record ResultTable(string Caption, string Hint, string Corner, IReadOnlyList<string> Columns, IReadOnlyList<ResultRow> Rows)
{
    /// <summary>Said to screen readers after a bold value ("wins"), where no visible note says it already.</summary>
    public string? StrongMeaning { get; init; }
}

/// <summary>A row headed by <paramref name="Header"/>; <paramref name="Summary"/> rows (quota, inactive, …) are set apart from the candidates'.</summary>
public sealed record ResultRow(string Header, IReadOnlyList<ResultCell> Cells, bool Summary = false);

/// <summary>
/// One cell. <paramref name="Strong"/> marks what the hint says is emphasised (elected, a win)
/// in bold, never by colour alone; <paramref name="Note"/> is shown after the value in words.
/// </summary>
public sealed record ResultCell(string Text, bool Strong = false, string? Note = null)
{
    public static readonly ResultCell Empty = new("–");
}
