using System.Globalization;

namespace Plenum.Alerts.Cap;

/// <summary>
/// CAP 1.2 date-times: whole seconds and a numeric offset, as in 2026-11-22T14:05:00+01:00. The schema
/// rejects "Z" and fractional seconds, and CAP writes UTC as "-00:00".
/// </summary>
static class CapTime
{
    public static string Format(DateTimeOffset time)
    {
        var clock = time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        var offset = time.Offset;
        if (offset == TimeSpan.Zero) return clock + "-00:00";
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return $"{clock}{sign}{offset.Duration():hh\\:mm}";
    }
}
