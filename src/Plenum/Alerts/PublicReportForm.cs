namespace Plenum.Alerts;

/// <summary>The public report form's fields ("Form.What", …). "When" is chosen as minutes ago, so no one has to think about time zones in a hurry.</summary>
public sealed class PublicReportForm
{
    public static readonly IReadOnlyList<(int Minutes, string Label)> WhenChoices =
        [(0, "Right now"), (10, "About 10 minutes ago"), (30, "About half an hour ago"), (60, "About an hour ago"), (180, "A few hours ago"), (720, "Earlier today")];

    public Guid? ZoneId { get; set; }
    public string? What { get; set; }
    public string? Where { get; set; }
    public int MinutesAgo { get; set; }
    public int? HowMany { get; set; }
    public string? Needed { get; set; }
    public string? ReplyContact { get; set; }

    public ReportDraft ToDraft(DateTimeOffset now) =>
        new(ZoneId ?? Guid.Empty, What, Where, now.AddMinutes(-Math.Clamp(MinutesAgo, 0, 24 * 60)), HowMany, Needed, ReplyContact);
}
