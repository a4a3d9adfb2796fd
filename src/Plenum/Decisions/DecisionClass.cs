using Plenum.Counting.Proposals;

namespace Plenum.Decisions;

public enum SecretBallotRule { Optional, Required, Forbidden }

/// <summary>Which single transferable vote fills the seats of an election.</summary>
public enum StvMethod { Meek, Scottish }

/// <summary>Whether voters give reasons with their position.</summary>
public enum ReasonRule { Off, Optional, Required, RequiredForDisagreeOrBlock }

/// <summary>Who votes on a federation's proposals (ignored in groups of people).</summary>
public enum FederationVoting
{
    /// <summary>The delegates the member groups sent, one vote each.</summary>
    Delegates,
    /// <summary>One vote per member group, each decided first under the group's own rulebook.</summary>
    GroupVotes,
    /// <summary>A majority of member groups and a majority of all the individuals voting in them.</summary>
    DoubleMajority,
}

/// <summary>
/// One class of decisions in a group's rulebook (e.g. general, membership, money) and the rules
/// that bind every decision of that class. Stored as JSON inside a <see cref="Rulebook"/> version.
/// </summary>
public sealed record DecisionClass
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required DecisionMode Mode { get; init; }
    /// <summary>For qualified majority: the share that must agree, e.g. 2/3.</summary>
    public long ThresholdNumerator { get; init; } = 1;
    public long ThresholdDenominator { get; init; } = 2;
    public ThresholdBase ThresholdBase { get; init; } = ThresholdBase.VotesCast;
    public bool AbstentionsInBase { get; init; }
    /// <summary>Share of the members who must vote (abstaining counts); 0 for no quorum.</summary>
    public long QuorumNumerator { get; init; }
    public long QuorumDenominator { get; init; } = 1;
    public bool BlocksAllowed { get; init; }
    /// <summary>How many blocks stop a proposal (1 = a single block).</summary>
    public int BlockLimit { get; init; } = 1;
    public bool BlockNeedsReason { get; init; } = true;
    public ReasonRule Reasons { get; init; } = ReasonRule.Optional;
    /// <summary>The STV rule for elections of people in this class.</summary>
    public StvMethod Elections { get; init; } = StvMethod.Meek;
    /// <summary>More stand-asides than this and the proposal fails; null for no limit.</summary>
    public int? StandAsideLimit { get; init; }
    /// <summary>Hours a discussion must have been open before a proposal from it may go to a vote; 0 when none is needed.</summary>
    public int MinDiscussionHours { get; init; }
    public int MinVotingHours { get; init; } = 24;
    public int MaxVotingHours { get; init; } = 24 * 14;
    /// <summary>Days someone must have been a member before they may propose.</summary>
    public int ProposerMinDays { get; init; }
    public SecretBallotRule SecretBallot { get; init; } = SecretBallotRule.Optional;
    /// <summary>Passes at the deadline unless someone blocks, however few voted.</summary>
    public bool LazyConsensus { get; init; }
    /// <summary>After this many failed rounds of consensus or consent on the same matter, the next round is decided by <see cref="FallbackThreshold"/>; null for never.</summary>
    public int? FallbackAfterRounds { get; init; }
    public long FallbackNumerator { get; init; } = 2;
    public long FallbackDenominator { get; init; } = 3;
    /// <summary>Each vote counts with the member's vote weight (e.g. shares in a co-op) instead of one.</summary>
    public bool WeightedVotes { get; init; }
    /// <summary>How many other members' votes one member may carry by proxy; 0 forbids proxies.</summary>
    public int MaxProxiesPerMember { get; init; }
    /// <summary>For decisions taken at a meeting: quorum is counted from the members checked in, not from those who voted.</summary>
    public bool QuorumOfPresent { get; init; }
    /// <summary>For decisions taken at a meeting: members who are not there may vote until the deadline, merged with the live votes.</summary>
    public bool AbsentMembersVote { get; init; } = true;
    /// <summary>In a federation: who votes on its proposals.</summary>
    public FederationVoting MemberVotes { get; init; } = FederationVoting.Delegates;
    /// <summary>In a federation: the share of member groups whose endorsement puts a group's proposal on the agenda.</summary>
    public long EscalationNumerator { get; init; } = 1;
    public long EscalationDenominator { get; init; } = 3;
    /// <summary>
    /// For the class that decides spending from the common fund ("money"): the treasurer may pay out up
    /// to this many whole units of the fund's currency without a decision; 0 puts every payment to a vote.
    /// </summary>
    public long SpendWithoutVoteUpTo { get; init; }
    /// <summary>The kinds of ballot this class may use; empty for every kind.</summary>
    public IReadOnlyList<DecisionType> AllowedTypes { get; init; } = [];

    public bool Allows(DecisionType type) => AllowedTypes.Count == 0 || AllowedTypes.Contains(type);

    /// <summary>Fewest voters for a count to stand: the quorum share of the eligible, rounded up; 0 without quorum.</summary>
    public long QuorumOf(long eligible) =>
        LazyConsensus || QuorumNumerator == 0 ? 0 : (eligible * QuorumNumerator + QuorumDenominator - 1) / QuorumDenominator;

    public bool AllowsStandAside => Mode is DecisionMode.Consensus || StandAsideLimit is not null;

    /// <summary>The positions a voter may take under this class, in the order the ballot shows them.</summary>
    public IReadOnlyList<string> Positions => [
        ProposalPositions.Agree, ProposalPositions.Abstain, ProposalPositions.Disagree,
        .. AllowsStandAside ? [ProposalPositions.StandAside] : Array.Empty<string>(),
        .. BlocksAllowed ? [ProposalPositions.Block] : Array.Empty<string>(),
    ];

    /// <summary>The counting rule <see cref="ProposalTally"/> applies.</summary>
    public ProposalRule ToProposalRule() => new()
    {
        Mode = Mode,
        Threshold = Mode == DecisionMode.QualifiedMajority ? new Fraction(ThresholdNumerator, ThresholdDenominator) : null,
        Quorum = LazyConsensus || QuorumNumerator == 0 ? null : Quorum.FractionOf(new Fraction(QuorumNumerator, QuorumDenominator)),
        ThresholdBase = ThresholdBase,
        AbstentionsInBase = AbstentionsInBase,
        BlockLimit = BlocksAllowed ? BlockLimit : null,
        StandAsideLimit = StandAsideLimit,
    };

    public Fraction FallbackThreshold => new(FallbackNumerator, FallbackDenominator);

    /// <summary>Whether a failed round of this class may lead to a fallback vote (only rules that a minority can stop).</summary>
    public bool HasFallback => FallbackAfterRounds is > 0 && Mode is DecisionMode.Consensus or DecisionMode.Consent or DecisionMode.Unanimity;

    /// <summary>
    /// The rule for a decision's round: the class's own rule, or once <see cref="FallbackAfterRounds"/>
    /// rounds have failed, a qualified majority where blocks count as votes against.
    /// </summary>
    public DecisionClass ForRound(int round) => HasFallback && round > FallbackAfterRounds
        ? this with
        {
            Mode = DecisionMode.QualifiedMajority, ThresholdNumerator = FallbackNumerator, ThresholdDenominator = FallbackDenominator,
            BlocksAllowed = false, StandAsideLimit = null, LazyConsensus = false, FallbackAfterRounds = null,
        }
        : this;

    /// <summary>The rule in one sentence, for the decision page.</summary>
    public string Describe()
    {
        var rule = Mode switch
        {
            DecisionMode.Consensus => "consensus: no disagreement and no block",
            DecisionMode.Consent => "consent: passes unless blocked",
            DecisionMode.SimpleMajority => "more than half agree",
            DecisionMode.QualifiedMajority => $"at least {ThresholdNumerator}/{ThresholdDenominator} agree",
            _ => "everyone agrees",
        };
        var of = ThresholdBase == ThresholdBase.Eligible ? "of all members" : AbstentionsInBase ? "of votes cast, abstentions included" : "of votes cast, abstentions left out";
        var quorum = LazyConsensus ? "no quorum (lazy consensus)" : QuorumNumerator == 0 ? "no quorum" : $"quorum {QuorumNumerator}/{QuorumDenominator} of members";
        var blocks = BlocksAllowed ? $"{BlockLimit} block(s) stop it" : "no blocks";
        var described = Mode is DecisionMode.SimpleMajority or DecisionMode.QualifiedMajority or DecisionMode.Unanimity
            ? $"{rule} ({of}); {quorum}; {blocks}"
            : $"{rule}; {quorum}; {blocks}";
        if (HasFallback) described += $"; after {FallbackAfterRounds} failed round(s), at least {FallbackNumerator}/{FallbackDenominator} decide";
        if (WeightedVotes) described += "; votes weighted";
        if (MaxProxiesPerMember > 0) described += $"; up to {MaxProxiesPerMember} proxy vote(s) per member";
        return described;
    }
}
