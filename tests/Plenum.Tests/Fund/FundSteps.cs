using Microsoft.EntityFrameworkCore;
using Plenum.Decisions;
using Plenum.Roles;
using Plenum.Tests.Decisions;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Fund;

/// <summary>A group with a started fund: founder (coordinator), a treasurer holding the "treasurer" role now, and plain members.</summary>
public sealed class FundSteps(PlenumServer server)
{
    public static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    public sealed record FundGroup(string Slug, WebSession Coordinator, WebSession Treasurer, WebSession Member, string Name)
    {
        public string Fund => $"/groups/{Slug}/fund";
    }

    /// <summary>Members: [0] becomes treasurer, [1] stays a plain member. limitWithoutVote: whole units the money class lets the treasurer pay without a vote.</summary>
    public async Task<FundGroup> GroupAsync(string name, long limitWithoutVote = 0)
    {
        var (slug, founder, members) = await new DecisionSteps(server).GroupAsync(name, "consent-circle", 2);
        await server.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == slug);
            var treasurer = await db.Users.SingleAsync(u => u.UserName == $"{name}-member-0");
            var role = new RotatingRole { Id = Guid.NewGuid(), GroupId = group.Id, Name = "Treasurer", TermDays = 90, CreatedAt = server.Clock.GetUtcNow() };
            db.RotatingRoles.Add(role);
            db.RoleTerms.Add(new RoleTerm { Id = Guid.NewGuid(), RoleId = role.Id, UserId = treasurer.Id, StartsAt = server.Clock.GetUtcNow().AddDays(-1), EndsAt = server.Clock.GetUtcNow().AddDays(365) });
            var rulebook = await db.Rulebooks.SingleAsync(r => r.GroupId == group.Id);
            rulebook.ClassesJson = Rulebook.Serialize(rulebook.Classes.Select(c => c.Key == "money" ? c with { SpendWithoutVoteUpTo = limitWithoutVote } : c));
            return await db.SaveChangesAsync();
        });
        var started = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/fund"), "form[action*='Start']", Fields(("StartCurrency", "eur")));
        Assert.Contains("The fund is started.", started.Text);
        return new FundGroup(slug, founder, members[0], members[1], name);
    }

    public static async Task<WebSession.Page> RecordAsync(WebSession who, FundGroup group, params (string Key, string Value)[] fields) =>
        await who.SubmitAsync(await who.GetAsync($"{group.Fund}/record"), null, Fields(fields));

    public static async Task<WebSession.Page> PayAsync(WebSession who, FundGroup group, string amount, string purpose, string recipient, bool anonymous = false, string decision = "", string note = "")
    {
        var fields = Fields(("Amount", amount), ("Category", purpose), ("Recipient", recipient), ("DecisionId", decision), ("Note", note));
        if (anonymous) fields["Anonymous"] = "true";
        return await who.SubmitAsync(await who.GetAsync($"{group.Fund}/pay"), null, fields);
    }

    public static async Task<string> BalanceAsync(WebSession who, FundGroup group) =>
        (await who.GetAsync(group.Fund)).Document.QuerySelector("[data-testid=balance]")!.TextContent;

    public static async Task<string> PledgedAsync(WebSession who, FundGroup group) =>
        (await who.GetAsync(group.Fund)).Document.QuerySelector("[data-testid=pledged]")!.TextContent;

    public Task<int> EntryCountAsync(FundGroup group) =>
        server.WithDbAsync(db => db.FundEntries.CountAsync(e => db.Groups.Any(g => g.Id == e.GroupId && g.Slug == group.Slug)));

    public Task<Guid> MemberIdAsync(string pseudonym) => server.WithDbAsync(db => db.Users.Where(u => u.UserName == pseudonym).Select(u => u.Id).SingleAsync());
}
