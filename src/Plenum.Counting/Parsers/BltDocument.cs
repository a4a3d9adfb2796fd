using Plenum.Counting.Ballots;

namespace Plenum.Counting.Parsers;

/// <summary>A .blt file: the election, and the tie-break order if the file gives one ([tie ...]).</summary>
public sealed record BltDocument(RankedElection Election, IReadOnlyList<int>? TieBreakOrder);
