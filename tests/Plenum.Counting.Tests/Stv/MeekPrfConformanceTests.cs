using Plenum.Counting.Parsers;
using Plenum.Counting.Stv;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Stv;

/// <summary>Every case the Meeks-PRF-js suite runs, round by round: tallies, quotas, surpluses, iterations, keep factors.</summary>
public class MeekPrfConformanceTests
{
    public static TheoryData<string> Stv => CaseFiles.Listed("meek-prf", "test_stv", "stv.json.test.js");
    public static TheoryData<string> OneWinner => CaseFiles.Listed("meek-prf", "test_onew", "onew.json.test.js");
    public static TheoryData<string> Excluded => CaseFiles.Listed("meek-prf", "test_excluded", "excluded.json.test.js");
    public static TheoryData<string> Protected => CaseFiles.Listed("meek-prf", "test_protected", "protected.json.test.js");

    [Theory, MemberData(nameof(Stv))]
    public void Stv_cases(string file) => Check(file);

    [Theory, MemberData(nameof(OneWinner))]
    public void One_winner_cases(string file) => Check(file);

    [Theory, MemberData(nameof(Excluded))]
    public void Excluded_cases(string file) => Check(file);

    [Theory, MemberData(nameof(Protected))]
    public void Protected_cases(string file) => Check(file);

    private static void Check(string file)
    {
        var spec = CaseJsonReader.ReadFile(CaseFiles.FullPath(file));
        if (spec.ExpectedException is not null)
        {
            Assert.Throws<CountingException>(() => MeekCount.Run(spec.Election, spec.ToMeekRules()));
            return;
        }
        CaseAssertions.Matches(spec, MeekCount.Run(spec.Election, spec.ToMeekRules()));
    }
}
