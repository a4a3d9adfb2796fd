using Plenum.Counting.Proposals;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Tests.Decisions;

/// <summary>Each starting rulebook, applied to votes: passes, fails, no quorum; and drafts it refuses to open.</summary>
public sealed class RulebookTemplateTests
{
    static DecisionClass General(string template) => RulebookTemplates.Find(template)!.Classes.Single(c => c.Key == "general");

    static ProposalResult Decide(string template, long eligible, params (string Position, long Count)[] votes) =>
        ProposalTally.Decide(General(template).ToProposalRule(), new ProposalVotes(eligible, votes.ToDictionary(v => v.Position, v => v.Count))).Result;

    [Theory]
    [InlineData("affinity-consensus", 5, "agree:4,stand aside:1", ProposalResult.Passed)]
    [InlineData("affinity-consensus", 5, "agree:4,block:1", ProposalResult.Failed)]
    [InlineData("affinity-consensus", 5, "agree:3,disagree:1", ProposalResult.Failed)]
    [InlineData("consent-circle", 6, "agree:1,disagree:3", ProposalResult.Passed)]
    [InlineData("consent-circle", 6, "agree:5,block:1", ProposalResult.Failed)]
    [InlineData("majority-quorum", 30, "agree:7,disagree:5", ProposalResult.Passed)]
    [InlineData("majority-quorum", 30, "agree:6,disagree:6", ProposalResult.Failed)]
    [InlineData("majority-quorum", 30, "agree:8", ProposalResult.NoQuorum)]
    [InlineData("democratic-centralism", 20, "agree:10,disagree:2", ProposalResult.Failed)]
    [InlineData("democratic-centralism", 20, "agree:11,disagree:1", ProposalResult.Passed)]
    [InlineData("democratic-centralism", 20, "agree:9", ProposalResult.NoQuorum)]
    [InlineData("sociocratic-consent", 12, "", ProposalResult.Passed)]
    [InlineData("sociocratic-consent", 12, "agree:2,block:1", ProposalResult.Failed)]
    public void Each_template_decides_by_its_own_rule(string template, long eligible, string votes, ProposalResult expected)
    {
        var parsed = votes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split(':')).Select(p => (p[0], long.Parse(p[1]))).ToArray();
        Assert.Equal(expected, Decide(template, eligible, parsed));
    }

    static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    static readonly Group Group = new() { Name = "Tenants", Slug = "tenants" };
    static Membership MemberFor(int days) => new() { GroupId = Group.Id, UserId = Guid.NewGuid(), JoinedAt = Now.AddDays(-days) };
    static DecisionDraft Draft(string classKey, double hours = 48, bool secret = false, string? template = null) =>
        new(classKey, "Rent strike in March", "We withhold rent from March 1.", Now.AddHours(hours), secret, template);

    [Theory]
    [InlineData("majority-quorum", "general", 30, 48, false, null, null)]
    [InlineData("majority-quorum", "general", 30, 2, false, null, "at least 24 hours")]
    [InlineData("majority-quorum", "general", 30, 24 * 30, false, null, "at most 14 days")]
    [InlineData("majority-quorum", "money", 3, 48, false, null, "members for 7 days")]
    [InlineData("democratic-centralism", "general", 30, 48, true, null, "forbids secret ballots")]
    [InlineData("consent-circle", "rulebook", 30, 96, false, null, "proposes one of the rulebook templates")]
    [InlineData("consent-circle", "rulebook", 30, 96, false, "majority-quorum", null)]
    [InlineData("consent-circle", "general", 30, 48, false, "majority-quorum", "Only a decision of class")]
    public void Drafts_that_break_the_class_rules_are_refused(string template, string classKey, int memberDays, double hours, bool secret, string? proposed, string? refusal)
    {
        var rules = RulebookTemplates.Find(template)!.Classes.Single(c => c.Key == classKey);
        var refusals = DecisionOpening.Refusals(Group, rules, MemberFor(memberDays), Draft(classKey, hours, secret, proposed), Now).ToList();
        if (refusal is null) Assert.Empty(refusals);
        else Assert.Contains(refusals, r => r.Contains(refusal));
    }
}
