using Plenum.Counting.Proposals;

namespace Plenum.Decisions;

/// <summary>
/// Starting rulebooks for common ways of organizing. A group adopts one and changes it later by a
/// decision of class "rulebook". Each has the same five classes so groups can compare them.
/// </summary>
public static class RulebookTemplates
{
    public sealed record Template(string Key, string Name, string Summary, IReadOnlyList<DecisionClass> Classes);

    public static readonly IReadOnlyList<Template> All =
    [
        new("affinity-consensus", "Affinity group consensus",
            "Everyone agrees or stands aside; one block stops a proposal. For small groups who act together.",
            Classes(general: Consensus(), rulebook: Consensus() with { MinVotingHours = 72 })),
        new("consent-circle", "Consent-based circle",
            "A proposal passes unless someone has a paramount objection (a block, with reasons).",
            Classes(general: Consent(), rulebook: Consent() with { MinVotingHours = 72 })),
        new("majority-quorum", "Majority with quorum (union local style)",
            "More than half of the votes cast, with a third of members voting; 2/3 to change the rulebook.",
            // Union locals often follow public election law, so elections count as Scottish local elections do.
            Classes(general: Majority() with { Elections = StvMethod.Scottish },
                rulebook: Majority() with { Mode = DecisionMode.QualifiedMajority, ThresholdNumerator = 2, ThresholdDenominator = 3, MinVotingHours = 72, Elections = StvMethod.Scottish })),
        new("democratic-centralism", "Democratic centralism",
            "Open debate, then a majority of all members decides and binds everyone; secret ballots not used.",
            Classes(general: Majority() with { ThresholdBase = ThresholdBase.Eligible, QuorumNumerator = 1, QuorumDenominator = 2, SecretBallot = SecretBallotRule.Forbidden, MinDiscussionHours = 48 },
                rulebook: Majority() with { Mode = DecisionMode.QualifiedMajority, ThresholdNumerator = 2, ThresholdDenominator = 3, ThresholdBase = ThresholdBase.Eligible, SecretBallot = SecretBallotRule.Forbidden })),
        new("sociocratic-consent", "Sociocratic consent",
            "Consent with reasoned objections; routine matters pass by lazy consensus at the deadline.",
            Classes(general: Consent() with { LazyConsensus = true, Reasons = ReasonRule.RequiredForDisagreeOrBlock },
                rulebook: Consent() with { MinVotingHours = 72, Reasons = ReasonRule.RequiredForDisagreeOrBlock })),
    ];

    public static Template? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    static DecisionClass Consensus() => new() { Key = "", Name = "", Mode = DecisionMode.Consensus, BlocksAllowed = true, BlockLimit = 1 };
    static DecisionClass Consent() => new() { Key = "", Name = "", Mode = DecisionMode.Consent, BlocksAllowed = true, BlockLimit = 1, BlockNeedsReason = true };
    static DecisionClass Majority() => new() { Key = "", Name = "", Mode = DecisionMode.SimpleMajority, QuorumNumerator = 1, QuorumDenominator = 3 };

    /// <summary>The five classes: membership and public statements follow the rulebook class's stricter rule, money the general one.</summary>
    static IReadOnlyList<DecisionClass> Classes(DecisionClass general, DecisionClass rulebook) =>
    [
        general with { Key = "general", Name = "General" },
        rulebook with { Key = "membership", Name = "Membership and mandates", ProposerMinDays = 7, AllowedTypes = [DecisionType.Proposal, DecisionType.Election] },
        general with { Key = "money", Name = "Money", ProposerMinDays = 7, AllowedTypes = [DecisionType.Proposal, DecisionType.Poll] },
        rulebook with { Key = "statements", Name = "Public statements", AllowedTypes = [DecisionType.Proposal] },
        rulebook with { Key = "rulebook", Name = "Rulebook change", ProposerMinDays = 14, AllowedTypes = [DecisionType.Proposal], SecretBallot = rulebook.SecretBallot == SecretBallotRule.Forbidden ? SecretBallotRule.Forbidden : SecretBallotRule.Optional },
    ];
}
