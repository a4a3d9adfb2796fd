namespace Plenum.Alerts;

/// <summary>The few ways alert settings are written as text.</summary>
public static class AlertText
{
    public static IReadOnlyList<string> SplitList(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static string JoinList(IEnumerable<string> items) => string.Join(",", items.Select(i => i.Trim()).Where(i => i.Length > 0));

    public static string Label(AlertChannel channel) => channel switch
    {
        AlertChannel.Live => "the live alert page",
        AlertChannel.Push => "push notification",
        AlertChannel.Email => "e-mail",
        _ => "the network's SMS/Signal gateway",
    };

    public static string Label(IncidentState state) => state switch
    {
        IncidentState.Reported => "being checked",
        IncidentState.Alerted => "responders alerted",
        IncidentState.Closed => "closed",
        _ => "false alarm",
    };

    /// <summary>A drill's messages say so first, so no one mistakes one for the real thing.</summary>
    public static string Marked(Cap.CapStatus mode, string text) => mode switch
    {
        Cap.CapStatus.Exercise => "EXERCISE — " + text,
        Cap.CapStatus.Test => "TEST — " + text,
        _ => text,
    };
}
