using System.CommandLine;
using Plenum.Counting;
using Plenum.Counting.Condorcet;
using Plenum.Counting.Irv;
using Plenum.Counting.Results;
using Plenum.Counting.Simple;
using Plenum.Counting.Stv;

namespace Plenum.Tally;

/// <summary>
/// `plenum tally`: counts ballots from files with Plenum.Counting, for elections held on paper or
/// elsewhere. Exit 0 with the result; exit 2 with a one-line reason on stderr for input it cannot count.
/// </summary>
public static class TallyCommand
{
    public const int BadInput = 2;

    static readonly Argument<string[]> Files = new("files")
    {
        Description = "Ballot files: .blt, .csv, case .json, or CVR files (NIST CDF .json, ES&S .xlsx) read as --config describes.",
        Arity = ArgumentArity.ZeroOrMore,
    };
    static readonly Option<string?> Method = Choice("--method", "Counting method (irv by default with --config).", TallyMethods.Names, "-m");
    static readonly Option<int?> Seats = new("--seats", "-s") { Description = "Seats to fill (default: the input's, else 1)." };
    static readonly Option<string?> Format = Choice("--format", "Input format (default: from the file name).", ["blt", "cdf", "xlsx", "csv", "case-json"]);
    static readonly Option<string?> Config = new("--config") { Description = "RCTab contest configuration (.json): candidates, rules and CVR files. Files given as well replace its CVR files." };
    static readonly Option<bool> Json = new("--json") { Description = "Print the result as JSON instead of a text count sheet." };
    static readonly Option<bool> Check = new("--check") { Description = "Only read and check the input; print the number of ballots." };
    static readonly Option<string?> Overvote = Choice("--overvote", "IRV: a rank marked for several candidates exhausts the ballot (exhaust), is passed over (skip), or exhausts only if two or more are continuing (exhaust-if-multiple).", ["exhaust", "skip", "exhaust-if-multiple"]);
    static readonly Option<int?> MaxSkipped = new("--max-skipped") { Description = "IRV: consecutive blank ranks a ballot may skip and still count (default unlimited)." };
    static readonly Option<string?> Duplicates = Choice("--duplicates", "IRV: a candidate ranked again exhausts the ballot (exhaust) or is passed over (skip, default).", ["exhaust", "skip"]);
    static readonly Option<bool> Batch = new("--batch-elimination") { Description = "IRV: eliminate together all candidates who cannot catch up." };
    static readonly Option<bool> UntilTwo = new("--continue-until-two") { Description = "IRV: go on until two candidates remain, for the published final round." };
    static readonly Option<string?> TieBreak = Choice("--tie-break", "Ties: order (candidate order), previous-round (IRV: earlier rounds' counts, then lot), random (lot with --seed; the default for non-IRV methods).", ["order", "previous-round", "random"]);
    static readonly Option<ulong?> Seed = new("--seed") { Description = "Seed of the lot that breaks ties (recorded in the result; default 0)." };
    static readonly Option<int?> Decimals = new("--decimals") { Description = "stv-wigm and multi-seat irv: decimal places of transfer values (truncated)." };
    static readonly Option<string?> Quota = Choice("--quota", "STV and multi-seat IRV: droop (default) or hare.", ["droop", "hare"]);
    static readonly Option<string?> Variant = Choice("--variant", "schulze: winning-votes (default) or margins; borda: standard (default) or dowdall; score: sum (default) or mean.",
        ["winning-votes", "margins", "standard", "dowdall", "sum", "mean"]);
    static readonly Option<int?> MinChoices = new("--min-choices") { Description = "approval: fewest candidates a valid ballot approves." };
    static readonly Option<int?> MaxChoices = new("--max-choices") { Description = "approval: most candidates a valid ballot approves." };
    static readonly Option<int> ScoreMin = new("--score-min") { Description = "score: lowest allowed score.", DefaultValueFactory = _ => 0 };
    static readonly Option<int> ScoreMax = new("--score-max") { Description = "score: highest allowed score.", DefaultValueFactory = _ => 10 };

    public static Command Create()
    {
        var command = new Command("tally", """
            Count ballots from files and print the result, round by round.
            Methods: irv (instant-runoff, RCTab rule options), stv-scottish (Scottish STV, SSI 2007/42),
            stv-wigm (weighted inclusive Gregory, CA SB 1288), meek (Meek STV, PR Foundation reference rule),
            schulze, ranked-pairs, plurality, approval, borda, score (CSV with a column per candidate).
            See docs/counting.md for each method's exact rules.
            Exit codes: 0 counted; 2 input that cannot be counted (reason on stderr).
            """);
        command.Arguments.Add(Files);
        foreach (var option in new Option[] { Method, Seats, Format, Config, Json, Check, Overvote, MaxSkipped, Duplicates, Batch, UntilTwo,
                     TieBreak, Seed, Decimals, Quota, Variant, MinChoices, MaxChoices, ScoreMin, ScoreMax })
            command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    static int Run(ParseResult parse)
    {
        try
        {
            var settings = Settings(parse);
            var input = BallotInput.Load(parse.GetValue(Files) ?? [], FormatOf(parse.GetValue(Format)), parse.GetValue(Config), settings.Method == "score");
            if (parse.GetValue(Check))
            {
                Console.WriteLine($"{input.BallotCount} ballots read; the input is countable.");
                return 0;
            }
            var result = TallyMethods.Run(settings, input);
            if (parse.GetValue(Json))
            {
                using var stdout = Console.OpenStandardOutput();
                ResultJson.Write(stdout, result);
                stdout.WriteByte((byte)'\n');
            }
            else Console.Write(ResultText.Render(result));
            return 0;
        }
        catch (CountingException bad)
        {
            Console.Error.WriteLine($"plenum tally: {bad.Describe()}");
            return BadInput;
        }
    }

    static TallySettings Settings(ParseResult parse)
    {
        var method = parse.GetValue(Method) ?? (parse.GetValue(Config) is not null ? "irv" : throw new CountingException("choose a method with --method"));
        var variant = parse.GetValue(Variant);
        if (variant is not null && !VariantFits(method, variant))
            throw new CountingException($"--variant {variant} does not apply to {method}");
        if (parse.GetValue(Seats) is < 1) throw new CountingException("--seats must be at least 1");
        if (parse.GetValue(Decimals) is < 0 or > 9) throw new CountingException("--decimals must be between 0 and 9");
        return new TallySettings
        {
            Method = method,
            Seats = parse.GetValue(Seats),
            Overvote = parse.GetValue(Overvote) switch
            {
                "exhaust" => OvervoteRule.ExhaustImmediately,
                "skip" => OvervoteRule.AlwaysSkipToNextRank,
                "exhaust-if-multiple" => OvervoteRule.ExhaustIfMultipleContinuing,
                _ => null,
            },
            MaxSkippedRanks = parse.GetValue(MaxSkipped),
            ExhaustOnDuplicate = parse.GetValue(Duplicates) is { } duplicates ? duplicates == "exhaust" : null,
            BatchElimination = parse.GetValue(Batch),
            ContinueUntilTwo = parse.GetValue(UntilTwo),
            TieBreak = parse.GetValue(TieBreak),
            Seed = parse.GetValue(Seed),
            Decimals = parse.GetValue(Decimals),
            Quota = parse.GetValue(Quota) switch { "hare" => QuotaKind.Hare, "droop" => QuotaKind.Droop, _ => null },
            SchulzeVariant = variant == "margins" ? SchulzeVariant.Margins : SchulzeVariant.WinningVotes,
            BordaVariant = variant == "dowdall" ? BordaVariant.Dowdall : BordaVariant.Standard,
            ScoreVariant = variant == "mean" ? ScoreVariant.Mean : ScoreVariant.Sum,
            MinChoices = parse.GetValue(MinChoices),
            MaxChoices = parse.GetValue(MaxChoices),
            ScoreMin = parse.GetValue(ScoreMin),
            ScoreMax = parse.GetValue(ScoreMax),
        };
    }

    static bool VariantFits(string method, string variant) => (method, variant) switch
    {
        ("schulze", "winning-votes" or "margins") => true,
        ("borda", "standard" or "dowdall") => true,
        ("score", "sum" or "mean") => true,
        _ => false,
    };

    static InputFormat? FormatOf(string? format) => format switch
    {
        "blt" => InputFormat.Blt,
        "cdf" => InputFormat.Cdf,
        "xlsx" => InputFormat.Xlsx,
        "csv" => InputFormat.Csv,
        "case-json" => InputFormat.CaseJson,
        _ => null,
    };

    static Option<string?> Choice(string name, string description, string[] choices, params string[] aliases)
    {
        var option = new Option<string?>(name, aliases) { Description = description };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }
}
