namespace Plenum.MeetingLoad;

/// <summary>Nearest-rank percentiles of durations in milliseconds.</summary>
sealed class Percentiles(IEnumerable<double> milliseconds)
{
    readonly double[] sorted = [.. milliseconds.Order()];
    public IReadOnlyList<double> Values => sorted;
    public int Count => sorted.Length;
    public double At(double fraction) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    public double P50 => At(0.50);
    public double P95 => At(0.95);
    public double Max => At(1.0);
    public override string ToString() => $"p50 {P50:F1} ms, p95 {P95:F1} ms, max {Max:F1} ms (n = {Count})";
}
