namespace Plenum.Tests.Infrastructure;

/// <summary>A clock tests move by hand, to reach retention deadlines and end dates without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    DateTimeOffset _now = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
