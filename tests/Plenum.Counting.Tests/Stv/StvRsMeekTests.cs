using Plenum.Counting.Parsers;
using Plenum.Counting.Stv;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Stv;

/// <summary>
/// stv-rs Meek transcripts (testdata/meek/**/*.log) against the same .blt ballots: the winners must agree.
/// Round-by-round figures are not compared: stv-rs runs "Meek parametric" as Droop.py does, which elects one
/// candidate per action and keeps iterating in rounds where the PRF rule stops (surplus below omega or
/// no longer falling), so intermediate tallies differ by design while the outcome should not.
/// </summary>
public class StvRsMeekTests
{
    /// <summary>
    /// Transcripts whose winners deliberately differ from the PRF reference rule, with the reason.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
    {
        // stv-rs without --equalize treats "a=b" differently from the equal split Plenum uses (the split of
        // stv-rs --equalize, whose transcripts of the same ballots all agree with Plenum).
        ["equal_preference/equal_preference.fixed9.log"] = "equal rankings counted without --equalize",
        ["equal_preference/always_behind.fixed9.log"] = "equal rankings counted without --equalize",
        ["recursive_descent/transfer_is_blocked.fixed9.log"] = "equal rankings counted without --equalize",
        ["random/rand_2x10.fixed9.log"] = "equal rankings counted without --equalize",
        ["crashes/crash.fixed9.log"] = "equal rankings counted without --equalize",
    };

    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        var meek = Conformance.PathOf("stv-rs", "testdata", "meek");
        foreach (var log in Directory.EnumerateFiles(meek, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(meek, log).Replace('\\', '/');
            // .approx transcripts use exact rationals with 6-decimal keep factors, another arithmetic;
            // bigint/ needs integers beyond 64 bits, which Plenum refuses (see Ballot_weights_beyond_64_bits_are_refused)
            if (relative.Contains(".approx.") || relative.StartsWith("bigint/") || !File.Exists(BallotFileFor(relative)) || Excluded.ContainsKey(relative)) continue;
            data.Add(relative);
        }
        return data;
    }

    [Theory, MemberData(nameof(Transcripts))]
    public void Winners_match_the_transcript(string transcript)
    {
        var document = BltReader.ReadFile(BallotFileFor(transcript));
        var result = MeekCount.Run(document.Election, new MeekRules { TieBreakOrder = document.TieBreakOrder });
        Assert.Equal(ExpectedWinners(transcript).Order(), result.Winners.Order());
    }

    [Theory]
    [InlineData("ballot_count_overflows.blt")]
    [InlineData("ballot_sum_overflows.blt")]
    public void Ballot_weights_beyond_64_bits_are_refused(string file)
    {
        var election = BltReader.ReadFile(Conformance.PathOf("stv-rs", "testdata", "ballots", "bigint", file)).Election;
        Assert.Throws<CountingException>(() => MeekCount.Run(election));
    }

    private static string BallotFileFor(string transcript)
    {
        var name = Path.GetFileName(transcript);
        var dir = Path.GetDirectoryName(transcript) ?? "";
        var stem = name[..name.IndexOf('.')];
        return Conformance.PathOf("stv-rs", "testdata", "ballots", dir, stem + ".blt");
    }

    /// <summary>The "Elected:" lines of the transcript's final "Count Complete" block.</summary>
    private static List<string> ExpectedWinners(string transcript)
    {
        var lines = File.ReadAllLines(Conformance.PathOf("stv-rs", "testdata", "meek", transcript));
        var start = Array.FindLastIndex(lines, l => l.StartsWith("Action: Count Complete"));
        Assert.True(start >= 0, "transcript has no 'Count Complete'");
        return lines.Skip(start + 1).TakeWhile(l => l.StartsWith('\t'))
            .Where(l => l.TrimStart().StartsWith("Elected:"))
            .Select(l => l.Trim()["Elected:".Length..].Trim())
            .Select(l => l[..l.LastIndexOf('(')].Trim())
            .ToList();
    }
}
