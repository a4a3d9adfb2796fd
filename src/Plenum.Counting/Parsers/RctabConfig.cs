using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;

namespace Plenum.Counting.Parsers;

/// <summary>
/// An RCTab contest configuration (<c>*_config.json</c>): candidates, counting rules and CVR files.
/// Options Plenum cannot honour (interactive tie-breaks, bottoms-up and multi-pass modes, Dominion,
/// Hart and other CVR formats) are refused when loading or reading, never silently ignored.
/// </summary>
public sealed record RctabConfig
{
    /// <summary>The name RCTab gives the stand-in candidate for undeclared write-ins.</summary>
    public const string UndeclaredWriteInName = "Undeclared Write-ins";

    public required string ConfigPath { get; init; }
    public string? ContestName { get; init; }
    /// <summary>Declared candidates in config order, then the write-in stand-in if any source has a write-in label.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }
    public required IReadOnlySet<int> Excluded { get; init; }
    public required IReadOnlyDictionary<int, IReadOnlyList<string>> Aliases { get; init; }
    public required int Seats { get; init; }
    /// <summary>Highest rank a ballot may use; null for as many as there are declared candidates.</summary>
    public int? MaxRankings { get; init; }
    public required IrvRules Rules { get; init; }
    public required IReadOnlyList<CvrSource> Sources { get; init; }

    /// <exception cref="CountingException">Unreadable JSON (with line), a missing or invalid setting, or an unsupported option.</exception>
    public static RctabConfig Load(string path)
    {
        using var stream = OpenFile(path);
        return Load(stream, path);
    }

    public static RctabConfig Load(Stream stream, string path) => RctabConfigParser.Parse(stream, path);

    /// <summary>Reads every CVR source and merges identical ballots (so large elections stay small in memory).</summary>
    /// <param name="observe">Wraps each opened file, e.g. to report reading progress.</param>
    /// <exception cref="CountingException">A CVR file that is missing, malformed, of an unsupported provider, or naming unknown candidates.</exception>
    public RankedElection ReadElection(Func<Stream, Stream>? observe = null)
    {
        observe ??= stream => stream;
        var names = new CandidateNames(Candidates, Aliases, Rules.UndeclaredWriteIn);
        var declared = Candidates.Count - (Rules.UndeclaredWriteIn is null ? 0 : 1);
        var rankColumns = MaxRankings ?? declared;
        // CVR files are independent, so they are read side by side (one per core), each merged on
        // its own; the merge of those few grouped lists is cheap. Order is kept for reproducible output.
        List<List<RankedBallot>> perFile;
        try
        {
            perFile = Sources.AsParallel().AsOrdered().Select(source => ReadSource(source, names, rankColumns, observe)).ToList();
        }
        catch (AggregateException failures) when (failures.InnerExceptions.OfType<CountingException>().FirstOrDefault() is { } first)
        {
            throw first;
        }
        var merged = new IdenticalBallots();
        foreach (var ballots in perFile) merged.AddRange(ballots);
        return new RankedElection(Candidates, Seats, merged.ToList(), Excluded, ContestName);
    }

    private List<RankedBallot> ReadSource(CvrSource source, CandidateNames names, int rankColumns, Func<Stream, Stream> observe)
    {
        var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ConfigPath)) ?? ".", source.FilePath));
        var shown = source.FilePath;
        var grouped = new IdenticalBallots();
        using var stream = source.Provider is "cdf" or "ess"
            ? observe(OpenFile(file, shown))
            : throw new CountingException($"CVR provider \"{source.Provider}\" is not supported (only cdf and ess)", ConfigPath);
        grouped.AddRange(source.Provider == "cdf"
            ? CdfJsonReader.Read(stream, shown, source, names, MaxRankings)
            : EssXlsxReader.Read(stream, shown, source, names, rankColumns));
        return grouped.ToList();
    }

    private static FileStream OpenFile(string path, string? shownAs = null)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CountingException($"cannot open file: {error.Message}", shownAs ?? path);
        }
    }
}
