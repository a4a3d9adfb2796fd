using Plenum.Counting.Results;

namespace Plenum.Counting.Tests.Rctab;

/// <summary>Compares a count with an RCTab report round by round, naming the first difference found.</summary>
public static class ReportComparison
{
    public static void AssertRoundMatches(ExpectedRound expected, CountRound actual)
    {
        var where = $"round {expected.Number}";
        Assert.Equal(expected.Number, actual.Number);
        Assert.True(expected.Threshold == actual.Quota, $"{where}: threshold {actual.Quota}, expected {expected.Threshold}");
        AssertSameAmounts(expected.Tally, actual.Tallies, $"{where} tally", zeroMayBeAbsent: false);
        foreach (var (reason, amount) in expected.Inactive)
            Assert.True(amount == actual.Inactive.GetValueOrDefault(reason),
                $"{where}: inactive \"{reason}\" {actual.Inactive.GetValueOrDefault(reason)}, expected {amount}");
        Assert.Equal(expected.Elected.Order(), actual.Elected.Order());
        Assert.Equal(expected.Eliminated.Order(), actual.Eliminated.Order());
        foreach (var decision in expected.Decisions)
        {
            var moved = actual.Transfers.SingleOrDefault(t => t.From == decision.Candidate)?.To ?? new Dictionary<string, decimal>();
            AssertSameAmounts(decision.Transfers, moved, $"{where} transfers from {decision.Candidate}", zeroMayBeAbsent: true);
        }
    }

    /// <summary>Same amounts under the same names; where zero may be absent, RCTab's listed zeros match Plenum's omitted ones.</summary>
    private static void AssertSameAmounts(IReadOnlyDictionary<string, decimal> expected, IReadOnlyDictionary<string, decimal> actual, string what, bool zeroMayBeAbsent)
    {
        foreach (var name in expected.Keys.Union(actual.Keys).Order())
        {
            var want = expected.GetValueOrDefault(name);
            var got = actual.GetValueOrDefault(name);
            var present = expected.ContainsKey(name) == actual.ContainsKey(name);
            Assert.True(want == got && (present || (zeroMayBeAbsent && want == 0)),
                $"{what}: \"{name}\" {(actual.ContainsKey(name) ? got.ToString() : "absent")}, expected {(expected.ContainsKey(name) ? want.ToString() : "absent")}");
        }
    }
}
