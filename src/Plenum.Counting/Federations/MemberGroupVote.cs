namespace Plenum.Counting.Federations;

/// <summary>
/// One member group's say in a federation decision: the position its own rulebook produced, and
/// the individual votes behind it (summed over all its levels when it is itself a federation),
/// which a double majority counts as well.
/// </summary>
public sealed record MemberGroupVote(string Group, GroupPosition Position, long Agree = 0, long Disagree = 0, long Abstain = 0);
