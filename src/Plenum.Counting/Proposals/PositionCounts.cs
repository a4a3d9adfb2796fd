namespace Plenum.Counting.Proposals;

/// <summary>Votes per kind of position, after mapping custom names; refuses unknown names and negative counts.</summary>
internal sealed record PositionCounts(long Agree, long Abstain, long Disagree, long Block, long StandAside)
{
    public long VotesCast => Agree + Abstain + Disagree + Block + StandAside;

    public static PositionCounts Of(ProposalVotes votes)
    {
        var kinds = new Dictionary<string, PositionKind>(ProposalPositions.Standard, StringComparer.OrdinalIgnoreCase);
        foreach (var custom in votes.CustomPositions)
            if (!kinds.TryAdd(custom.Name, custom.Kind))
                throw new CountingException($"position \"{custom.Name}\" is defined twice");

        var byKind = new Dictionary<PositionKind, long>();
        foreach (var (name, count) in votes.Counts)
        {
            if (!kinds.TryGetValue(name, out var kind)) throw new CountingException($"unknown position \"{name}\"");
            if (count < 0) throw new CountingException($"negative count for \"{name}\"");
            byKind[kind] = checked(byKind.GetValueOrDefault(kind) + count);
        }
        return new PositionCounts(
            byKind.GetValueOrDefault(PositionKind.Agree),
            byKind.GetValueOrDefault(PositionKind.Abstain),
            byKind.GetValueOrDefault(PositionKind.Disagree),
            byKind.GetValueOrDefault(PositionKind.Block),
            byKind.GetValueOrDefault(PositionKind.StandAside));
    }

    public IReadOnlyDictionary<PositionKind, long> ToDictionary() => new Dictionary<PositionKind, long>
    {
        [PositionKind.Agree] = Agree,
        [PositionKind.Abstain] = Abstain,
        [PositionKind.Disagree] = Disagree,
        [PositionKind.Block] = Block,
        [PositionKind.StandAside] = StandAside,
    };
}
