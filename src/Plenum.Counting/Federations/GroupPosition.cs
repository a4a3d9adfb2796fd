namespace Plenum.Counting.Federations;

/// <summary>The position a member group reached under its own rulebook (or None if it reached none in time).</summary>
public enum GroupPosition { Agree, Disagree, Abstain, None }
