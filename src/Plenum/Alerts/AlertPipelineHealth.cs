using System.Diagnostics;

namespace Plenum.Alerts;

/// <summary>
/// When the dispatcher last went round, by the machine's monotonic clock (not the app's clock, which tests
/// move): if it stops, the heartbeat warns the organisers, and /alerts/heartbeat tells outside monitors.
/// </summary>
public sealed class AlertPipelineHealth
{
    public static readonly TimeSpan StalledAfter = TimeSpan.FromSeconds(30);
    long _lastSweep = Stopwatch.GetTimestamp();

    public void Swept() => Interlocked.Exchange(ref _lastSweep, Stopwatch.GetTimestamp());

    public TimeSpan SinceLastSweep => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastSweep));

    public bool IsStalled => SinceLastSweep > StalledAfter;
}
