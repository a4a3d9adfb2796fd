using Plenum.Counting.Proposals;

namespace Plenum.Counting.Tests.Proposals;

internal static class ProposalCases
{
    public static ProposalVotes Votes(long eligible, long agree = 0, long disagree = 0, long block = 0, long standAside = 0, long abstain = 0) =>
        new(eligible, new Dictionary<string, long>
        {
            [ProposalPositions.Agree] = agree,
            [ProposalPositions.Disagree] = disagree,
            [ProposalPositions.Block] = block,
            [ProposalPositions.StandAside] = standAside,
            [ProposalPositions.Abstain] = abstain,
        });
}
