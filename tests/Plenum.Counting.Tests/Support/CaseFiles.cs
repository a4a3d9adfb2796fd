using System.Text.RegularExpressions;

namespace Plenum.Counting.Tests.Support;

/// <summary>
/// The JSON cases a reference test suite actually runs, taken from its own runner file
/// (test_stv.py, stv.json.test.js, ...), so base files meant only for inclusion are not run on their own.
/// </summary>
public static partial class CaseFiles
{
    public static TheoryData<string> Listed(string source, string suite, string runner)
    {
        var folder = Conformance.PathOf(source, "tests", suite);
        var text = File.ReadAllText(Path.Combine(folder, runner));
        var data = new TheoryData<string>();
        foreach (var name in CaseName().Matches(text).Select(m => m.Groups[1].Value).Distinct())
            data.Add(Path.Combine(source, "tests", suite, name));
        return data;
    }

    public static string FullPath(string relative) => Conformance.PathOf(relative.Split('/', '\\'));

    [GeneratedRegex(@"test_[a-z_]+/([A-Za-z0-9_-]+\.json)")]
    private static partial Regex CaseName();
}
