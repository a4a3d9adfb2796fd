using NodaTime;

namespace Plenum.Events;

/// <summary>One date of an event as pages show it: wall-clock times in the event's zone, and the answers so far.</summary>
public sealed record EventDate(GroupEvent Event, Occurrence Occurrence, int Going, int Maybe, int Waiting, RsvpAnswer? Mine)
{
    public LocalDateTime Start => EventTimes.ToLocal(Occurrence.StartsAt, Event);
    public LocalDateTime End => EventTimes.ToLocal(Occurrence.EndsAt, Event);
    public string When => EventTimes.ShowSpan(Start, End);
    public string Anchor => $"date-{Occurrence.Date:yyyy-MM-dd}";
    public bool IsFull => Event.Capacity is { } capacity && Going >= capacity;

    public string Places => Event.Capacity is { } capacity
        ? $"{Going} of {capacity} {(capacity == 1 ? "place" : "places")} taken{(Waiting > 0 ? $", {Waiting} waiting" : "")}"
        : $"{Going} going";
}
