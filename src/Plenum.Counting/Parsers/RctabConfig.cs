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
    /// <exception cref="CountingException">A CVR file that is missing, malformed, of an unsupported provider, or naming unknown candidates.</exception>
    public RankedElection ReadElection()
    {
        var names = new CandidateNames(Candidates, Aliases, Rules.UndeclaredWriteIn);
        var declared = Candidates.Count - (Rules.UndeclaredWriteIn is null ? 0 : 1);
        var rankColumns = MaxRankings ?? declared;
        var merged = new IdenticalBallots();
        foreach (var source in Sources)
        {
            var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ConfigPath)) ?? ".", source.FilePath));
            var shown = source.FilePath;
            switch (source.Provider)
            {
                case "cdf":
                    using (var stream = OpenFile(file, shown))
                        merged.AddRange(CdfJsonReader.Read(stream, shown, source, names, MaxRankings));
                    break;
                case "ess":
                    using (var stream = OpenFile(file, shown))
                        merged.AddRange(EssXlsxReader.Read(stream, shown, source, names, rankColumns));
                    break;
                default:
                    throw new CountingException($"CVR provider \"{source.Provider}\" is not supported (only cdf and ess)", ConfigPath);
            }
        }
        return new RankedElection(Candidates, Seats, merged.ToList(), Excluded, ContestName);
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
