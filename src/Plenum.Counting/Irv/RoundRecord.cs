using Plenum.Counting.Results;

namespace Plenum.Counting.Irv;

/// <summary>
/// A round being recorded. Its transfers are filled in while the next round is counted, because
/// that is when the ballots of this round's eliminated or elected candidates actually move (as RCTab
/// reports them: with the round that decided the move).
/// </summary>
internal sealed class RoundRecord(int number)
{
    public const string Exhausted = "exhausted";

    private readonly Dictionary<int, Dictionary<string, decimal>> transfers = [];

    public int Number { get; } = number;
    public Dictionary<string, decimal> Tallies { get; } = [];
    public Dictionary<string, decimal> Inactive { get; } = [];
    public List<string> Elected { get; } = [];
    public List<string> Eliminated { get; } = [];
    public decimal Threshold { get; set; }

    public void AddTransfer(int from, string to, decimal value)
    {
        if (!transfers.TryGetValue(from, out var targets)) transfers[from] = targets = [];
        targets[to] = targets.GetValueOrDefault(to) + value;
    }

    public CountRound ToCountRound(IReadOnlyList<string> names) => new()
    {
        Number = Number,
        Tallies = Tallies,
        Quota = Threshold,
        Elected = Elected,
        Eliminated = Eliminated,
        Transfers = transfers.OrderBy(t => t.Key).Select(t => new Transfer(names[t.Key], t.Value)).ToList(),
        Inactive = Inactive,
    };
}
