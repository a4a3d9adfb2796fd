namespace Plenum.Counting.TimePoll;

/// <summary>One participant's answer per slot, in slot order; null where they gave none.</summary>
public sealed record TimePollBallot(IReadOnlyList<Availability?> Answers);
