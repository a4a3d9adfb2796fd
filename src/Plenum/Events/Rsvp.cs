namespace Plenum.Events;

/// <summary>Waiting: wants to go, but every place was taken; moves up to Going, first come first served, as places free.</summary>
public enum RsvpAnswer { Going, Maybe, NotGoing, Waiting }

/// <summary>One member's answer for one occurrence of an event.</summary>
public sealed class Rsvp
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    /// <summary>The occurrence's date in the event's time zone (one occurrence per day at most).</summary>
    public DateOnly OccurrenceDate { get; set; }
    public Guid UserId { get; set; }
    public RsvpAnswer Answer { get; set; }
    /// <summary>When the current answer was given.</summary>
    public DateTimeOffset AnsweredAt { get; set; }
    /// <summary>While waiting: the number drawn on joining the list (one more than the last), its order of moving up.</summary>
    public int? WaitingNumber { get; set; }
    /// <summary>When the reminder for this occurrence went out, so it goes once.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
}
