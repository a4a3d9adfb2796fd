namespace Plenum.Counting.Proposals;

/// <summary>A group's own position name, e.g. "agree with reservations" (Agree) or "paramount objection" (Block).</summary>
public sealed record CustomPosition(string Name, PositionKind Kind);
