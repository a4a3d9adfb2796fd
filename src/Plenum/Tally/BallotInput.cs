using Plenum.Counting;
using Plenum.Counting.Ballots;
using Plenum.Counting.Irv;
using Plenum.Counting.Parsers;
using Plenum.Counting.Simple;

namespace Plenum.Tally;

public enum InputFormat { Blt, Cdf, Xlsx, Csv, CaseJson }

/// <summary>What was read: ranked ballots (or score ballots), and any rules the input itself carries.</summary>
public sealed record LoadedInput
{
    public RankedElection? Ranked { get; init; }
    public SimpleElection<ScoreBallot>? Scored { get; init; }
    /// <summary>Rules from an RCTab config.</summary>
    public IrvRules? RctabRules { get; init; }
    /// <summary>A .blt or case file's own tie-break order.</summary>
    public IReadOnlyList<int>? TieBreakOrder { get; init; }
    public CountingCase? Case { get; init; }

    public long BallotCount => Ranked?.TotalBallots ?? Scored?.Ballots.Sum(b => b.Weight) ?? 0;
}

/// <summary>Reads the files given to `plenum tally` with the reader their format needs.</summary>
public static class BallotInput
{
    public static InputFormat Detect(string path, InputFormat? given) => given ?? Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".blt" => InputFormat.Blt,
        ".csv" => InputFormat.Csv,
        ".xlsx" => InputFormat.Xlsx,
        ".json" => LooksLikeCdf(path) ? InputFormat.Cdf : InputFormat.CaseJson,
        _ => throw new CountingException("cannot tell the format from the file name: give --format", path),
    };

    /// <exception cref="CountingException">Unreadable or malformed input, with file and line where known.</exception>
    public static LoadedInput Load(IReadOnlyList<string> files, InputFormat? format, string? configPath, bool wantScores)
    {
        if (configPath is not null) return LoadRctab(files, configPath);
        if (files.Count == 0) throw new CountingException("no ballot file given");
        var kind = Detect(files[0], format);
        if (files.Count > 1 && files.Skip(1).Any(f => Detect(f, format) != kind))
            throw new CountingException("all files must be of one format");
        if (kind is InputFormat.Cdf or InputFormat.Xlsx)
            throw new CountingException($"{(kind == InputFormat.Cdf ? "CDF" : "ES&S .xlsx")} files are read as an RCTab contest configuration describes them: give --config", files[0]);
        if (files.Count > 1) throw new CountingException($"{kind} input is one file; several files are for CVRs with --config");

        var file = files[0];
        return ReadProgress.Run(SizeOf(files), observe =>
        {
            using var stream = observe(Open(file));
            switch (kind)
            {
                case InputFormat.Blt:
                    var blt = BltReader.ReadDocument(stream, file);
                    return new LoadedInput { Ranked = blt.Election, TieBreakOrder = blt.TieBreakOrder };
                case InputFormat.CaseJson:
                    var testCase = CaseJsonReader.Read(stream, file, include => File.Exists(Sibling(file, include)) ? Open(Sibling(file, include)) : null);
                    // A case without tie_breaker gives no order: the method's own default applies, as for a .blt without [tie].
                    var caseOrder = testCase.TieBreakOrder.Count == 0 ? null : testCase.TieBreakOrder;
                    return new LoadedInput { Ranked = testCase.Election, TieBreakOrder = caseOrder, Case = testCase };
                default:
                    using (var reader = new StreamReader(stream))
                        return wantScores
                            ? new LoadedInput { Scored = ScoreCsvReader.Read(reader, file) }
                            : new LoadedInput { Ranked = CsvBallotReader.Read(reader, file) };
            }
        });
    }

    /// <summary>The config's CVR files, or the files given instead, read with the config's first source settings.</summary>
    static LoadedInput LoadRctab(IReadOnlyList<string> files, string configPath)
    {
        var config = RctabConfig.Load(configPath);
        if (files.Count > 0)
        {
            if (config.Sources.Count == 0) throw new CountingException("the configuration names no CVR source whose settings could read the files", configPath);
            config = config with { Sources = [.. files.Select(f => config.Sources[0] with { FilePath = Path.GetFullPath(f) })] };
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".";
        var size = SizeOf(config.Sources.Select(s => Path.Combine(directory, s.FilePath)));
        var election = ReadProgress.Run(size, observe => config.ReadElection(observe));
        return new LoadedInput { Ranked = election, RctabRules = config.Rules };
    }

    static bool LooksLikeCdf(string path)
    {
        using var stream = Open(path);
        var head = new byte[4096];
        var read = stream.Read(head, 0, head.Length);
        var text = System.Text.Encoding.UTF8.GetString(head, 0, read);
        return text.Contains("CVR", StringComparison.Ordinal) && text.Contains("@type", StringComparison.Ordinal);
    }

    static long SizeOf(IEnumerable<string> files) => files.Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0);

    static string Sibling(string file, string name) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", name);

    static FileStream Open(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CountingException($"cannot open file: {error.Message}", path);
        }
    }
}
