using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>
/// Turns what a CVR says at one rank into candidate indices: names and aliases, the source's
/// overvote, skipped-rank and write-in labels, and delimited overvotes. Unknown text is refused,
/// never guessed, so a misspelt name cannot silently drop votes.
/// </summary>
public sealed class CandidateNames
{
    private readonly Dictionary<string, int> byName = new(StringComparer.Ordinal);

    /// <param name="names">Candidate names, index = candidate id.</param>
    /// <param name="aliases">Other spellings of a candidate's name, by candidate index.</param>
    /// <param name="undeclaredWriteIn">Index of the undeclared write-in stand-in, if the count has one.</param>
    public CandidateNames(IReadOnlyList<string> names, IReadOnlyDictionary<int, IReadOnlyList<string>>? aliases = null, int? undeclaredWriteIn = null)
    {
        for (var i = 0; i < names.Count; i++) byName.TryAdd(names[i], i);
        foreach (var (candidate, spellings) in aliases ?? new Dictionary<int, IReadOnlyList<string>>())
            foreach (var alias in spellings) byName.TryAdd(alias, candidate);
        UndeclaredWriteIn = undeclaredWriteIn;
    }

    public int? UndeclaredWriteIn { get; }

    /// <summary>Marks at one rank; empty for a skipped rank.</summary>
    /// <exception cref="CountingException">Text that names no candidate (file and line are the caller's).</exception>
    public int[] Resolve(string? text, CvrSource source, string file, int? line)
    {
        if (string.IsNullOrWhiteSpace(text))
            return source.TreatBlankAsUndeclaredWriteIn ? [WriteIn(file, line)] : [];
        text = text.Trim();
        if (text == source.SkippedRankLabel) return [];
        if (text == source.OvervoteLabel) return [RankedBallot.OvervoteMark];
        if (!string.IsNullOrEmpty(source.OvervoteDelimiter) && text.Contains(source.OvervoteDelimiter, StringComparison.Ordinal))
            return text.Split(source.OvervoteDelimiter, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => One(part, source, file, line)).Distinct().ToArray();
        return [One(text, source, file, line)];
    }

    private int One(string text, CvrSource source, string file, int? line)
    {
        if (!string.IsNullOrEmpty(source.UndeclaredWriteInLabel) && text == source.UndeclaredWriteInLabel) return WriteIn(file, line);
        if (byName.TryGetValue(text, out var index)) return index;
        throw new CountingException($"\"{text}\" is not a candidate, alias or label in the config", file, line);
    }

    private int WriteIn(string file, int? line) =>
        UndeclaredWriteIn ?? throw new CountingException("an undeclared write-in appears but the config defines none", file, line);
}
