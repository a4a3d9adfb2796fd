namespace Plenum.Aid;

public static class AidText
{
    public static string Urgency(AidUrgency urgency) => urgency switch
    {
        AidUrgency.Today => "today",
        AidUrgency.ThisWeek => "this week",
        _ => "whenever possible",
    };

    public static string Timing(AidTiming timing) => timing switch
    {
        AidTiming.Weekdays => "weekdays",
        AidTiming.Evenings => "evenings",
        AidTiming.Weekends => "weekends",
        _ => "any time",
    };

    public static string Status(AidStatus status) => status switch
    {
        AidStatus.Open => "open",
        AidStatus.Fulfilled => "done",
        AidStatus.Cancelled => "cancelled",
        _ => "referred to another group",
    };

    public static string Claim(ClaimStatus status) => status switch
    {
        ClaimStatus.Offered => "offered, waiting to be accepted",
        ClaimStatus.Accepted => "accepted",
        ClaimStatus.Done => "done",
        ClaimStatus.Declined => "declined",
        ClaimStatus.Lapsed => "lapsed (no check-in in time)",
        _ => "withdrawn",
    };

    public static string Hours(int hours) => hours < 24 ? $"within {hours} hours" : hours == 24 ? "within a day" : $"within {hours / 24} days";

    public static string Progress(int? target, string? unit, int given) => target is { } t ? $"{given} of {t} {unit ?? "parts"} given" : "";

    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var span = now - then;
        return span.TotalHours < 1 ? "just now" : span.TotalDays < 1 ? $"{(int)span.TotalHours} h ago" : $"{(int)span.TotalDays} days ago";
    }
}
