namespace Plenum.Events;

/// <summary>The new/edit form's fields ("Form.Title", …) as the browser sends them; times are wall-clock times in <see cref="TimeZone"/>.</summary>
public sealed class EventForm
{
    public EventKind Kind { get; set; } = EventKind.Meeting;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Location { get; set; }
    public string? OnlineLink { get; set; }
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public string? TimeZone { get; set; } = "UTC";
    public int? Capacity { get; set; }
    public Repeat Repeat { get; set; }
    public DateOnly? Until { get; set; }
    public int? Count { get; set; }

    public EventDraft ToDraft() => new(Kind, Title ?? "", Description, Location, OnlineLink,
        Start is { } start ? EventTimes.FromDateTime(start) : null, End is { } end ? EventTimes.FromDateTime(end) : null,
        TimeZone, Capacity, new RecurrenceChoice(Repeat, Until, Count));

    public static EventForm From(EventDraft draft) => new()
    {
        Kind = draft.Kind, Title = draft.Title, Description = draft.Description, Location = draft.Location, OnlineLink = draft.OnlineLink,
        Start = draft.Start?.ToDateTimeUnspecified(), End = draft.End?.ToDateTimeUnspecified(), TimeZone = draft.TimeZone, Capacity = draft.Capacity,
        Repeat = draft.Recurrence.Repeat, Until = draft.Recurrence.Until, Count = draft.Recurrence.Count,
    };
}
