namespace Plenum.Alerts;

/// <summary>A report as typed, from the public form, the dispatcher's phone form or the API; checked before anything is saved.</summary>
public sealed record ReportDraft(Guid ZoneId, string? What, string? Where, DateTimeOffset? SeenAt, int? HowMany, string? Needed, string? ReplyContact)
{
    public const int MaxWhat = 2000, MaxWhere = 300, MaxNeeded = 1000, MaxContact = 200;

    /// <summary>The reasons it cannot be taken, all at once; empty when it can.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<Guid> zones, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (!zones.Contains(ZoneId)) problems.Add("Choose the zone where it is happening.");
        if (string.IsNullOrWhiteSpace(What)) problems.Add("Say what is happening.");
        else if (What.Length > MaxWhat) problems.Add($"\"What is happening\" can be at most {MaxWhat} characters.");
        if (string.IsNullOrWhiteSpace(Where)) problems.Add("Say where, as exactly as is safe (a street corner, a building).");
        else if (Where.Length > MaxWhere) problems.Add($"\"Where\" can be at most {MaxWhere} characters.");
        if (SeenAt is { } seen && (seen > now.AddMinutes(10) || seen < now.AddDays(-2))) problems.Add("\"When\" must be within the last two days.");
        if (HowMany is < 0 or > 100_000) problems.Add("\"How many\" must be a number from 0 to 100000.");
        if (Needed?.Length > MaxNeeded) problems.Add($"\"What is needed\" can be at most {MaxNeeded} characters.");
        if (ReplyContact?.Length > MaxContact) problems.Add($"The way to reach you can be at most {MaxContact} characters.");
        return problems;
    }
}
