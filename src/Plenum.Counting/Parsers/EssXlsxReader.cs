using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Reads an ES&amp;S cast-vote-record workbook (.xlsx): one ballot per row of the first sheet, one
/// rank per column starting at the source's first vote column. Rows are streamed, never loaded whole.
/// </summary>
/// <remarks>
/// A hand-written reader of the workbook's XML rather than a general spreadsheet library: through
/// ExcelDataReader one Minneapolis 2013 workbook (80,101 rows) cost about 0.38 s of CPU and 195 MB of
/// allocations, which alone put `plenum tally` on a million ballots (thirteen such files) at 6.8 s
/// against a 2 s target (docs/benchmarks.md). CVR exports only need what is read here: the first
/// sheet's cell values (shared strings, inline strings, formula strings, numbers, booleans and
/// error codes and ISO dates as their text), placed by their cell reference. Styles, dates, merged cells and other
/// sheets are ignored. Each distinct cell text is resolved to candidates once per file and the
/// result shared by every ballot that repeats it.
/// </remarks>
public static class EssXlsxReader
{
    /// <param name="rankColumns">How many columns hold ranks (RCTab's maximum rankings allowed).</param>
    /// <exception cref="CountingException">A file that is not a workbook, or a cell naming no candidate; with file and row.</exception>
    public static IEnumerable<RankedBallot> Read(Stream stream, string fileName, CvrSource source, CandidateNames candidates, int rankColumns)
    {
        using var sheet = Sheet.Open(stream, fileName, source.FirstVoteColumn - 1, rankColumns);
        var resolved = new Resolved(sheet.SharedStrings.Length, candidates, source, fileName);
        while (sheet.NextRow())
        {
            if (sheet.RowNumber < source.FirstVoteRow || !sheet.RowHasValue) continue;
            var ranks = new int[rankColumns][];
            for (var rank = 0; rank < rankColumns; rank++)
                ranks[rank] = resolved.Of(sheet, rank);
            yield return new RankedBallot(ranks);
        }
    }

    /// <summary>Candidates for each distinct cell text, resolved once per file.</summary>
    private sealed class Resolved(int sharedStrings, CandidateNames candidates, CvrSource source, string fileName)
    {
        private readonly int[]?[] shared = new int[]?[sharedStrings];
        private readonly Dictionary<string, int[]> byText = new(StringComparer.Ordinal);
        private int[]? blank;

        public int[] Of(Sheet sheet, int rank)
        {
            var index = sheet.SharedIndex[rank];
            if (index >= 0)
                return shared[index] ??= candidates.Resolve(sheet.SharedStrings[index], source, fileName, sheet.RowNumber);
            if (index == Sheet.NoValue)
                return blank ??= candidates.Resolve(null, source, fileName, sheet.RowNumber);
            var text = sheet.Text[rank]!;
            if (!byText.TryGetValue(text, out var marks))
                byText[text] = marks = candidates.Resolve(text, source, fileName, sheet.RowNumber);
            return marks;
        }
    }

    /// <summary>
    /// The first worksheet, row by row. For each row it keeps only the rank columns' values (a
    /// shared-string index, or the text of any other value) and whether any cell has a value at all.
    /// </summary>
    private sealed class Sheet : IDisposable
    {
        public const int NoValue = -1;
        public const int OwnText = -2;

        private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

        private readonly ZipArchive zip;
        private readonly XmlReader xml;
        private readonly string fileName;
        private readonly int firstColumn;
        private readonly string row, c, v, @is, t, r, rPh;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> textLookup;
        private char[] buffer = new char[64];

        public string[] SharedStrings { get; }
        /// <summary>Per rank column of the current row: a shared-string index, <see cref="NoValue"/> or <see cref="OwnText"/>.</summary>
        public int[] SharedIndex { get; }
        /// <summary>Per rank column of the current row, when its value is <see cref="OwnText"/>.</summary>
        public string?[] Text { get; }
        public int RowNumber { get; private set; }
        public bool RowHasValue { get; private set; }

        private Sheet(ZipArchive zip, Stream sheetXml, string[] sharedStrings, string fileName, int firstColumn, int rankColumns)
        {
            this.zip = zip;
            this.fileName = fileName;
            this.firstColumn = firstColumn;
            SharedStrings = sharedStrings;
            SharedIndex = new int[rankColumns];
            Text = new string?[rankColumns];
            var names = new NameTable();
            (row, c, v, @is, t, r, rPh) = (names.Add("row"), names.Add("c"), names.Add("v"), names.Add("is"), names.Add("t"), names.Add("r"), names.Add("rPh"));
            xml = XmlReader.Create(sheetXml, Settings(names));
            textLookup = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        private static XmlReaderSettings Settings(XmlNameTable? names = null) => new()
        {
            NameTable = names, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
            IgnoreComments = true, IgnoreProcessingInstructions = true, CheckCharacters = false,
        };

        public static Sheet Open(Stream stream, string fileName, int firstColumn, int rankColumns)
        {
            ZipArchive? zip = null;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                var relations = ReadRelations(zip, "xl/_rels/workbook.xml.rels");
                var sheetPath = FirstSheetId(zip) is { } id && relations.TryGetValue(id, out var target) ? target.Path : "xl/worksheets/sheet1.xml";
                var sharedPath = relations.Values.FirstOrDefault(rel => rel.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Path
                    ?? "xl/sharedStrings.xml";
                var shared = zip.GetEntry(sharedPath) is { } sharedEntry ? ReadSharedStrings(sharedEntry) : [];
                var sheetEntry = zip.GetEntry(sheetPath) ?? throw new InvalidDataException($"the workbook has no sheet at {sheetPath}");
                return new Sheet(zip, sheetEntry.Open(), shared, fileName, firstColumn, rankColumns);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                zip?.Dispose();
                throw new CountingException($"not a readable .xlsx workbook ({error.Message})", fileName);
            }
        }

        public void Dispose()
        {
            xml.Dispose();
            zip.Dispose();
        }

        /// <summary>Moves to the next row of the sheet; false at its end.</summary>
        public bool NextRow()
        {
            try
            {
                return ReadRow();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                throw new CountingException($"the workbook is damaged ({error.Message})", fileName, RowNumber + 1);
            }
        }

        private bool ReadRow()
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, row)) continue;
                var number = RowNumber + 1;
                if (xml.MoveToAttribute(r)) number = checked((int)ParseInt(AttributeValue()));
                RowNumber = number;
                RowHasValue = false;
                Array.Fill(SharedIndex, NoValue);
                Array.Clear(Text);
                xml.MoveToElement();
                if (xml.IsEmptyElement) return true;
                var column = -1;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && ReferenceEquals(xml.LocalName, row)))
                    if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, c))
                        column = ReadCell(column + 1);
                return true;
            }
            return false;
        }

        /// <returns>The cell's column (0-based): from its reference, or the one after the previous cell's.</returns>
        private int ReadCell(int column)
        {
            var type = 'n';
            while (xml.MoveToNextAttribute())
            {
                if (xml.NamespaceURI.Length != 0) continue;
                if (ReferenceEquals(xml.LocalName, r)) column = ColumnOf(AttributeValue());
                else if (ReferenceEquals(xml.LocalName, t))
                {
                    var kind = AttributeValue();
                    // "str" (a formula's text), "e" (an error code) and "d" (an ISO 8601 date) are kept as written.
                    type = kind switch { "s" => 's', "inlineStr" => 'i', "b" => 'b', "str" or "e" or "d" => 'f', _ => 'n' };
                }
            }
            xml.MoveToElement();
            if (xml.IsEmptyElement) return column;
            var rank = column - firstColumn;
            var wanted = rank >= 0 && rank < SharedIndex.Length;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && ReferenceEquals(xml.LocalName, c)))
            {
                if (xml.NodeType != XmlNodeType.Element) xml.Read();
                else if (ReferenceEquals(xml.LocalName, v) && type != 'i' || ReferenceEquals(xml.LocalName, @is) && type == 'i')
                {
                    RowHasValue = true;
                    var text = type == 'i' ? InlineText() : ElementText();
                    if (wanted) Keep(rank, type, text);
                    xml.Read();
                }
                else xml.Skip(); // a formula, or anything else a cell may hold
            }
            return column;
        }

        private void Keep(int rank, char type, ReadOnlySpan<char> text)
        {
            switch (type)
            {
                case 's':
                    var index = ParseInt(text);
                    if (index < 0 || index >= SharedStrings.Length) throw new InvalidDataException($"shared string {index} does not exist");
                    SharedIndex[rank] = (int)index;
                    return;
                case 'n':
                    // As ExcelDataReader gave it: a double, shown in its shortest round-trip form.
                    SharedIndex[rank] = OwnText;
                    Text[rank] = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
                    return;
                case 'b':
                    SharedIndex[rank] = OwnText;
                    Text[rank] = text is "1" ? "True" : "False";
                    return;
                default:
                    SharedIndex[rank] = OwnText;
                    Text[rank] = Intern(text);
                    return;
            }
        }

        private string Intern(ReadOnlySpan<char> text)
        {
            if (textLookup.TryGetValue(text, out var known)) return known;
            var made = text.ToString();
            textLookup[made] = made;
            return made;
        }

        /// <summary>The text content of the current element, which is left behind; valid until the next read.</summary>
        private ReadOnlySpan<char> ElementText()
        {
            var length = 0;
            if (xml.IsEmptyElement) return [];
            var depth = xml.Depth;
            while (xml.Read() && xml.Depth > depth)
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                    length = AppendValue(length);
            return buffer.AsSpan(0, length);
        }

        /// <summary>An inline string's text (its t elements, not phonetic runs); the reader is left on its end.</summary>
        private ReadOnlySpan<char> InlineText()
        {
            var length = 0;
            if (xml.IsEmptyElement) return [];
            var depth = xml.Depth;
            var inPhonetic = -1;
            var inText = false;
            while (xml.Read() && xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    if (ReferenceEquals(xml.LocalName, rPh) && !xml.IsEmptyElement) inPhonetic = xml.Depth;
                    else if (ReferenceEquals(xml.LocalName, t)) inText = !xml.IsEmptyElement && inPhonetic < 0;
                }
                else if (xml.NodeType == XmlNodeType.EndElement)
                {
                    if (xml.Depth == inPhonetic) inPhonetic = -1;
                    inText = false;
                }
                else if (inText && xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                    length = AppendValue(length);
            }
            return buffer.AsSpan(0, length);
        }

        private ReadOnlySpan<char> AttributeValue() => buffer.AsSpan(0, AppendValue(0));

        private int AppendValue(int length)
        {
            if (!xml.CanReadValueChunk)
            {
                var value = xml.Value;
                Grow(length + value.Length);
                value.CopyTo(buffer.AsSpan(length));
                return length + value.Length;
            }
            while (true)
            {
                if (length == buffer.Length) Grow(length + 1);
                var read = xml.ReadValueChunk(buffer, length, buffer.Length - length);
                if (read == 0) return length;
                length += read;
            }
        }

        private void Grow(int needed)
        {
            if (needed > buffer.Length) Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }

        private static long ParseInt(ReadOnlySpan<char> text) =>
            long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

        /// <summary>The 0-based column of a cell reference such as "AB12".</summary>
        private static int ColumnOf(ReadOnlySpan<char> reference)
        {
            var column = 0;
            foreach (var ch in reference)
            {
                var letter = (char)(ch | 0x20);
                if (letter is < 'a' or > 'z') break;
                column = checked(column * 26 + (letter - 'a' + 1));
            }
            if (column == 0) throw new InvalidDataException($"the cell reference \"{reference}\" names no column");
            return column - 1;
        }

        private static string[] ReadSharedStrings(ZipArchiveEntry entry)
        {
            var strings = new List<string>();
            using var xml = XmlReader.Create(entry.Open(), Settings());
            var text = new System.Text.StringBuilder();
            var phonetic = false;
            var inText = false;
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element:
                        switch (xml.LocalName)
                        {
                            case "si" when xml.IsEmptyElement: strings.Add(""); break;
                            case "si": text.Clear(); break;
                            case "rPh": phonetic = !xml.IsEmptyElement; break;
                            case "t": inText = !phonetic && !xml.IsEmptyElement; break;
                        }
                        break;
                    case XmlNodeType.EndElement:
                        switch (xml.LocalName)
                        {
                            case "si": strings.Add(text.ToString()); break;
                            case "rPh": phonetic = false; break;
                            case "t": inText = false; break;
                        }
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText:
                        text.Append(xml.Value);
                        break;
                }
            }
            return strings.ToArray();
        }

        /// <summary>The relationship id of the workbook's first sheet, in the workbook's order.</summary>
        private static string? FirstSheetId(ZipArchive zip)
        {
            if (zip.GetEntry("xl/workbook.xml") is not { } entry) return null;
            using var xml = XmlReader.Create(entry.Open(), Settings());
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == Main)
                    return xml.GetAttribute("id", Relationships);
            return null;
        }

        /// <summary>The workbook's relationships by id: their type and the zip entry they point to.</summary>
        private static Dictionary<string, (string Type, string Path)> ReadRelations(ZipArchive zip, string path)
        {
            var relations = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            if (zip.GetEntry(path) is not { } entry) return relations;
            using var xml = XmlReader.Create(entry.Open(), Settings());
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.NamespaceURI != PackageRelationships) continue;
                if (xml.GetAttribute("Id") is not { } id || xml.GetAttribute("Target") is not { } target) continue;
                if (xml.GetAttribute("TargetMode") == "External") continue;
                // Targets are relative to xl/ unless they start at the package root.
                var resolved = target.StartsWith('/') ? target[1..] : "xl/" + target;
                relations.TryAdd(id, (xml.GetAttribute("Type") ?? "", Normalise(resolved)));
            }
            return relations;
        }

        private static string Normalise(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Replace('\\', '/').Split('/'))
            {
                if (part is "" or ".") continue;
                if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
                else parts.Add(part);
            }
            return string.Join('/', parts);
        }
    }
}
