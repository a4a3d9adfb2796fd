using System.Globalization;
using System.Text;
using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Reads the .blt ballot format (OpenSTV, Droop, stv-rs), line by line from a stream:
/// <code>
/// 4 2                 candidates seats
/// -3                  optional: withdrawn candidates as negative numbers
/// [nick a b c d]      optional Droop-style options: nicknames, [withdrawn ...], [tie ...] order
/// 3 1 2 0             weight, then ranks (number or nickname; a=b ranks equally; - skips a rank), ending 0
/// 0                   end of ballots
/// "Name A"            one quoted name per candidate, then the quoted title
/// </code>
/// '#' starts a comment outside quotes. Anything malformed raises a <see cref="CountingException"/> with
/// the file and line; nothing is returned from a file that is not entirely valid.
/// </summary>
public static class BltReader
{
    public static RankedElection Read(Stream stream, string fileName) => ReadDocument(stream, fileName).Election;

    public static BltDocument ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadDocument(stream, path);
    }

    public static BltDocument ReadDocument(Stream stream, string fileName)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return new Parser(reader, fileName).Parse();
    }

    private sealed class Parser(TextReader reader, string fileName)
    {
        private int _line;
        private int _candidates;
        private readonly Dictionary<string, int> _nicknames = new(StringComparer.Ordinal);
        private readonly HashSet<int> _withdrawn = [];
        private List<int>? _tieOrder;

        private CountingException Error(string message) => new(message, fileName, _line);

        public BltDocument Parse()
        {
            var header = NextTokens() ?? throw Error("the file is empty; expected 'candidates seats'");
            if (header.Count != 2 || !int.TryParse(header[0], out _candidates) || !int.TryParse(header[1], out var seats))
                throw Error("the first line must be 'candidates seats', two whole numbers");
            if (_candidates < 1) throw Error("there must be at least one candidate");
            if (seats < 1) throw Error("there must be at least one seat");

            var ballots = new List<RankedBallot>();
            var ended = false;
            while (NextTokens() is { } tokens)
            {
                if (tokens[0].StartsWith('['))
                    Option(string.Join(' ', tokens));
                else if (tokens[0].StartsWith('-') && ballots.Count == 0)
                    Withdrawn(tokens);
                else if (tokens is ["0"])
                {
                    ended = true;
                    break;
                }
                else
                    ballots.Add(Ballot(tokens));
            }
            if (!ended) throw Error("the ballots must end with a line holding 0");

            var strings = new List<string>();
            while (NextLine() is { } text)
                strings.AddRange(QuotedStrings(text));
            if (strings.Count < _candidates)
                throw Error($"expected {_candidates} quoted candidate names after the ballots, found {strings.Count}");
            if (strings.Count > _candidates + 1)
                throw Error($"expected {_candidates} candidate names and a title, found {strings.Count} quoted strings");
            var names = strings.Take(_candidates).ToList();
            var title = strings.Count > _candidates ? strings[_candidates] : null;
            var election = new RankedElection(names, seats, ballots, _withdrawn, title);
            return new BltDocument(election, _tieOrder);
        }

        private void Withdrawn(List<string> tokens)
        {
            foreach (var t in tokens)
            {
                if (!int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n >= 0)
                    throw Error($"the withdrawn line holds negative candidate numbers only, not '{t}'");
                _withdrawn.Add(CandidateNumber(-n));
            }
        }

        private void Option(string text)
        {
            if (!text.EndsWith(']')) throw Error("an option must be enclosed in [ ]");
            var parts = text[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) throw Error("an empty option");
            var values = parts[1..];
            switch (parts[0])
            {
                case "nick":
                    if (values.Length != _candidates) throw Error($"[nick] must name all {_candidates} candidates");
                    for (var i = 0; i < values.Length; i++)
                        if (!_nicknames.TryAdd(values[i], i)) throw Error($"nickname '{values[i]}' is used twice");
                    break;
                case "withdrawn":
                    foreach (var v in values) _withdrawn.Add(Candidate(v));
                    break;
                case "tie":
                    _tieOrder = values.Select(Candidate).ToList();
                    break;
                default:
                    throw Error($"unknown option [{parts[0]}]");
            }
        }

        private RankedBallot Ballot(List<string> tokens)
        {
            if (!long.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight < 1)
                throw Error($"a ballot line starts with a positive whole weight, not '{tokens[0]}'");
            if (tokens[^1] != "0" || tokens.Count < 2)
                throw Error("a ballot line must end with 0");
            var ranks = new int[tokens.Count - 2][];
            for (var i = 1; i < tokens.Count - 1; i++)
                ranks[i - 1] = tokens[i] == "-" ? [] : tokens[i].Split('=').Select(Candidate).ToArray();
            return new RankedBallot(ranks, weight);
        }

        private int Candidate(string token)
        {
            if (_nicknames.TryGetValue(token, out var index)) return index;
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return CandidateNumber(number);
            throw Error($"'{token}' is neither a candidate number nor a nickname");
        }

        private int CandidateNumber(int number) =>
            number >= 1 && number <= _candidates ? number - 1 : throw Error($"there is no candidate {number}; candidates are 1 to {_candidates}");

        private string? NextLine()
        {
            var text = reader.ReadLine();
            if (text is not null) _line++;
            return text;
        }

        /// <summary>The next line with content, split on whitespace, comments removed.</summary>
        private List<string>? NextTokens()
        {
            while (NextLine() is { } text)
            {
                var hash = text.IndexOf('#');
                if (hash >= 0) text = text[..hash];
                var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
                if (tokens.Count > 0) return tokens;
            }
            return null;
        }

        private List<string> QuotedStrings(string text)
        {
            var result = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '#') break;
                if (c != '"') throw Error("candidate names and the title must be in double quotes");
                var end = text.IndexOf('"', i + 1);
                if (end < 0) throw Error("a quoted name is not closed");
                result.Add(text[(i + 1)..end]);
                i = end + 1;
            }
            return result;
        }
    }
}
