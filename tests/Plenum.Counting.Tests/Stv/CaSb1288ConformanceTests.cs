using Plenum.Counting.Parsers;
using Plenum.Counting.Stv;
using Plenum.Counting.Tests.Support;

namespace Plenum.Counting.Tests.Stv;

/// <summary>Every multi-winner case the CA-SB1288 suite runs, round by round (tallies, residual surplus, statuses).</summary>
public class CaSb1288ConformanceTests
{
    public static TheoryData<string> Stv => CaseFiles.Listed("ca-sb1288", "test_stv", "test_stv.py");

    [Theory, MemberData(nameof(Stv))]
    public void Stv_cases(string file)
    {
        var spec = CaseJsonReader.ReadFile(CaseFiles.FullPath(file));
        if (spec.ExpectedException is not null)
        {
            Assert.Throws<CountingException>(() => WigmCount.Run(spec.Election, spec.ToWigmRules()));
            return;
        }
        CaseAssertions.Matches(spec, WigmCount.Run(spec.Election, spec.ToWigmRules()));
    }
}
