namespace Plenum.Counting.Simple;

/// <summary>Ballot weight set aside, by reason.</summary>
internal sealed class InvalidTally
{
    private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);

    public void Add(string reason, long weight) =>
        _byReason[reason] = checked(_byReason.GetValueOrDefault(reason) + weight);

    public long Total => _byReason.Values.Sum();

    public IReadOnlyDictionary<string, decimal> ToDecimals() =>
        _byReason.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => (decimal)kv.Value);
}
