using Plenum.Counting.Proposals;
using static Plenum.Counting.Proposals.ProposalResult;
using static Plenum.Counting.Tests.Proposals.ProposalCases;

namespace Plenum.Counting.Tests.Proposals;

/// <summary>One row per rule option and edge: the case name says what it checks.</summary>
public class ProposalRuleTableTests
{
    private static readonly ProposalRule Majority = ProposalRule.SimpleMajority;
    private static readonly ProposalRule TwoThirds = ProposalRule.Qualified(Fraction.TwoThirds);

    public static TheoryData<string, ProposalRule, ProposalVotes, ProposalResult> Cases => new()
    {
        // simple majority
        { "majority: 6 of 11", Majority, Votes(20, agree: 6, disagree: 5), Passed },
        { "majority: 5 of 11", Majority, Votes(20, agree: 5, disagree: 6), Failed },
        { "majority: blocks count against", Majority, Votes(20, agree: 5, disagree: 3, block: 3), Failed },
        { "majority: exact tie fails by default", Majority, Votes(20, agree: 5, disagree: 5), Failed },
        { "majority: tie, chair not yet asked", Majority with { TieRule = ProposalTieRule.ChairDecides }, Votes(20, agree: 5, disagree: 5), TieAwaitingChair },
        { "majority: tie, chair for", Majority with { TieRule = ProposalTieRule.ChairDecides }, Votes(20, agree: 5, disagree: 5) with { ChairDecision = true }, Passed },
        { "majority: tie, chair against", Majority with { TieRule = ProposalTieRule.ChairDecides }, Votes(20, agree: 5, disagree: 5) with { ChairDecision = false }, Failed },
        { "majority: no tie, chair ignored", Majority with { TieRule = ProposalTieRule.ChairDecides }, Votes(20, agree: 4, disagree: 5) with { ChairDecision = true }, Failed },
        { "majority: tie by lot, seed 2 passes", Majority with { TieRule = ProposalTieRule.Lot, LotSeed = 2 }, Votes(20, agree: 5, disagree: 5), Passed },
        { "majority: tie by lot, seed 0 fails", Majority with { TieRule = ProposalTieRule.Lot, LotSeed = 0 }, Votes(20, agree: 5, disagree: 5), Failed },
        { "majority: abstentions out of the base", Majority, Votes(20, agree: 5, disagree: 4, abstain: 3), Passed },
        { "majority: abstentions in the base", Majority with { AbstentionsInBase = true }, Votes(20, agree: 5, disagree: 4, abstain: 3), Failed },
        { "majority: stand-asides out of the base", Majority, Votes(20, agree: 5, disagree: 4, standAside: 2), Passed },
        { "majority: stand-asides in the base like abstentions", Majority with { AbstentionsInBase = true }, Votes(20, agree: 5, disagree: 4, standAside: 2), Failed },
        { "majority: on eligible, exactly half is a tie", Majority with { ThresholdBase = ThresholdBase.Eligible }, Votes(20, agree: 10), Failed },
        { "majority: on eligible, 11 of 20", Majority with { ThresholdBase = ThresholdBase.Eligible }, Votes(20, agree: 11, disagree: 1), Passed },
        { "majority: nobody took sides", Majority, Votes(20, abstain: 10), Failed },
        { "majority: block limit vetoes", Majority with { BlockLimit = 1 }, Votes(20, agree: 10, block: 1), Failed },

        // qualified majorities, reaching the fraction exactly passes
        { "2/3: exactly 8 of 12", TwoThirds, Votes(20, agree: 8, disagree: 4), Passed },
        { "2/3: 7 of 11", TwoThirds, Votes(20, agree: 7, disagree: 4), Failed },
        { "2/3: 8 of 11", TwoThirds, Votes(20, agree: 8, disagree: 3), Passed },
        { "2/3: on eligible, 13 of 20", TwoThirds with { ThresholdBase = ThresholdBase.Eligible }, Votes(20, agree: 13), Failed },
        { "2/3: on eligible, 14 of 20", TwoThirds with { ThresholdBase = ThresholdBase.Eligible }, Votes(20, agree: 14), Passed },
        { "3/5: exactly 3 of 5", ProposalRule.Qualified(Fraction.ThreeFifths), Votes(20, agree: 3, disagree: 2), Passed },
        { "3/5: 5 of 9", ProposalRule.Qualified(Fraction.ThreeFifths), Votes(20, agree: 5, disagree: 4), Failed },
        { "1/2 qualified: exactly half passes", ProposalRule.Qualified(Fraction.Half), Votes(20, agree: 5, disagree: 5), Passed },
        { "custom 3/4: 74 of 99", ProposalRule.Qualified(new Fraction(3, 4)), Votes(200, agree: 74, disagree: 25), Failed },
        { "custom 3/4: 75 of 100", ProposalRule.Qualified(new Fraction(3, 4)), Votes(200, agree: 75, disagree: 25), Passed },

        // unanimity
        { "unanimity: all agree", ProposalRule.Unanimity, Votes(20, agree: 10), Passed },
        { "unanimity: one disagrees", ProposalRule.Unanimity, Votes(20, agree: 10, disagree: 1), Failed },
        { "unanimity: abstentions out", ProposalRule.Unanimity, Votes(20, agree: 10, abstain: 2), Passed },
        { "unanimity: abstentions in", ProposalRule.Unanimity with { AbstentionsInBase = true }, Votes(20, agree: 10, abstain: 2), Failed },

        // consent
        { "consent: disagreement does not stop it", ProposalRule.Consent, Votes(20, agree: 3, disagree: 5), Passed },
        { "consent: one block stops it", ProposalRule.Consent, Votes(20, agree: 10, block: 1), Failed },
        { "consent: block limit 2, one block", ProposalRule.Consent with { BlockLimit = 2 }, Votes(20, agree: 10, block: 1), Passed },
        { "consent: block limit 2, two blocks", ProposalRule.Consent with { BlockLimit = 2 }, Votes(20, agree: 10, block: 2), Failed },

        // consensus
        { "consensus: agree and stand aside", ProposalRule.Consensus, Votes(20, agree: 5, standAside: 1), Passed },
        { "consensus: one disagreement", ProposalRule.Consensus, Votes(20, agree: 5, disagree: 1), Failed },
        { "consensus: one block", ProposalRule.Consensus, Votes(20, agree: 5, block: 1), Failed },
        { "consensus: a block under a raised limit still objects", ProposalRule.Consensus with { BlockLimit = 2 }, Votes(20, agree: 5, block: 1), Failed },
        { "consensus: no one agrees", ProposalRule.Consensus, Votes(20, abstain: 4, standAside: 2), Failed },

        // stand-aside limit: fails only above it
        { "stand-asides: at the limit", ProposalRule.Consensus with { StandAsideLimit = 2 }, Votes(20, agree: 5, standAside: 2), Passed },
        { "stand-asides: above the limit", ProposalRule.Consensus with { StandAsideLimit = 2 }, Votes(20, agree: 5, standAside: 3), Failed },

        // quorum: abstentions count as voting
        { "quorum count: 9 of 10", Majority with { Quorum = Quorum.AtLeast(10) }, Votes(20, agree: 9), NoQuorum },
        { "quorum count: exactly 10", Majority with { Quorum = Quorum.AtLeast(10) }, Votes(20, agree: 9, abstain: 1), Passed },
        { "quorum 1/2 of eligible: exactly 10 of 20", Majority with { Quorum = Quorum.FractionOf(Fraction.Half) }, Votes(20, agree: 6, disagree: 4), Passed },
        { "quorum 1/2 of eligible: 10 of 21", Majority with { Quorum = Quorum.FractionOf(Fraction.Half) }, Votes(21, agree: 6, disagree: 4), NoQuorum },
        { "quorum 2/3 of present: 8 of 12", Majority with { Quorum = Quorum.FractionOf(Fraction.TwoThirds, QuorumBase.Present) }, Votes(20, agree: 8) with { Present = 12 }, Passed },
        { "quorum 2/3 of present: 7 of 12", Majority with { Quorum = Quorum.FractionOf(Fraction.TwoThirds, QuorumBase.Present) }, Votes(20, agree: 7) with { Present = 12 }, NoQuorum },
        { "quorum before blocks", ProposalRule.Consent with { Quorum = Quorum.AtLeast(5) }, Votes(20, block: 1), NoQuorum },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_table(string name, ProposalRule rule, ProposalVotes votes, ProposalResult expected)
    {
        var outcome = ProposalTally.Decide(rule, votes);
        Assert.True(expected == outcome.Result, $"{name}: expected {expected}, got {outcome.Result}\n{string.Join("\n", outcome.Explanation)}");
    }
}
