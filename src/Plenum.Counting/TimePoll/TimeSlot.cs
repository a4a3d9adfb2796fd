namespace Plenum.Counting.TimePoll;

/// <summary>A proposed time; <see cref="Start"/> decides "earliest" when slots are otherwise equal.</summary>
public sealed record TimeSlot(string Label, DateTimeOffset Start);
