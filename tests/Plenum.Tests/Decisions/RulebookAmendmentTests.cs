using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plenum.Decisions;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Decisions;

/// <summary>
/// A group changes single settings of its rulebook by a vote, and the changed rules bind: a
/// fallback after failed consensus rounds, proxy votes and weighted votes.
/// </summary>
public sealed class RulebookAmendmentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    async Task<(string Slug, WebSession Founder, WebSession[] Members)> GroupAsync(string name, string template, int members)
    {
        var group = await Server.NewAssemblyAsync(name, members, template);
        // Rulebook changes need members of some standing.
        Server.Clock.Advance(TimeSpan.FromDays(15));
        return group;
    }

    string Deadline(double hours) => Server.Clock.GetUtcNow().UtcDateTime.AddHours(hours).ToString("yyyy-MM-ddTHH:mm");

    /// <summary>Proposes an amendment of the first class ("general") with the given settings and has everyone agree.</summary>
    async Task<WebSession.Page> AmendGeneralAsync(string slug, WebSession founder, WebSession[] members, params (string Setting, string Value)[] settings)
    {
        var fields = settings.ToDictionary(s => $"Classes[0].{s.Setting}", s => s.Value);
        fields["ClosesAt"] = Deadline(80);
        fields["Why"] = "Our meetings keep stalling.";
        var opened = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/rulebook/amend"), null, fields);
        Assert.Contains("Your amendment is open for a vote", opened.Text);
        foreach (var voter in members.Append(founder))
            await voter.SubmitAsync(await voter.GetAsync(opened.Path), "form[action*='Vote']", Fields(("Position", "agree")));
        Server.Clock.Advance(TimeSpan.FromHours(81));
        var closed = await founder.GetAsync(opened.Path);
        Assert.Contains("Outcome: passed", closed.Text);
        return closed;
    }

    async Task<string> ProposeAsync(WebSession who, string slug, string title, double hours = 30, string? previousRound = null)
    {
        var form = await who.GetAsync($"/groups/{slug}/decisions/new{(previousRound is null ? "" : $"?previousRound={previousRound}")}");
        var opened = await who.SubmitAsync(form, null, Fields(("ClassKey", "general"), ("Title", title), ("Text", $"We {title.ToLowerInvariant()}."), ("ClosesAt", Deadline(hours))));
        Assert.True(opened.Path.Contains("/decisions/") && !opened.Path.EndsWith("/new"), opened.Text);
        return opened.Path;
    }

    static Task<WebSession.Page> VoteAsync(WebSession who, string path, string position, string? reason = null, Dictionary<string, string>? extra = null) =>
        VoteOnPageAsync(who, path, new Dictionary<string, string>(extra ?? []) { ["Position"] = position, ["Reason"] = reason ?? "" });

    static async Task<WebSession.Page> VoteOnPageAsync(WebSession who, string path, Dictionary<string, string> fields) =>
        await who.SubmitAsync(await who.GetAsync(path), "form[action*='Vote']", fields);

    [Fact]
    public async Task An_amendment_lists_its_changes_and_once_passed_becomes_the_next_rulebook_version()
    {
        var (slug, founder, members) = await GroupAsync("Amending circle", "consent-circle", 2);
        var closed = await AmendGeneralAsync(slug, founder, members, ("QuorumNumerator", "1"), ("QuorumDenominator", "2"), ("MaxProxiesPerMember", "2"));

        Assert.Contains("General, rule: consent: passes unless blocked; no quorum; 1 block(s) stop it → consent: passes unless blocked; quorum 1/2 of members", closed.Text);
        var rulebook = await founder.GetAsync($"/groups/{slug}/rulebook");
        Assert.Contains("Version 2 (Consent-based circle (amended))", rulebook.Text);
        Assert.Contains("quorum 1/2 of members", rulebook.Text);
        Assert.Contains("up to 2 proxy vote(s) per member", rulebook.Text);
        var version2 = await Server.WithDbAsync(db => db.Rulebooks.SingleAsync(r => r.Version == 2 && db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug)));
        Assert.Equal(1, version2.Class("general")!.QuorumNumerator);
        // Nothing else changed: the other classes and settings are carried over as they were.
        var version1 = await Server.WithDbAsync(db => db.Rulebooks.SingleAsync(r => r.Version == 1 && db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug)));
        Assert.Equal(JsonSerializer.Serialize(version1.Classes.Skip(1)), JsonSerializer.Serialize(version2.Classes.Skip(1)));
        Assert.True(version2.Class("general")!.BlocksAllowed);
    }

    [Fact]
    public async Task An_unworkable_amendment_is_refused_with_every_reason_and_nothing_opens()
    {
        var (slug, founder, _) = await GroupAsync("Careful circle", "majority-quorum", 1);
        var form = await founder.GetAsync($"/groups/{slug}/rulebook/amend");
        var refused = await founder.SubmitAsync(form, null, Fields(
            ("Classes[0].Mode", "QualifiedMajority"), ("Classes[0].ThresholdNumerator", "3"), ("Classes[0].ThresholdDenominator", "2"),
            ("Classes[0].FallbackAfterRounds", "2"), ("ClosesAt", Deadline(80))));
        Assert.Contains("a qualified majority is a share such as 2/3", refused.Text);
        Assert.Contains("a fallback only follows consensus, consent or unanimity", refused.Text);
        var unchanged = await founder.SubmitAsync(form, null, Fields(("ClosesAt", Deadline(80))));
        Assert.Contains("Nothing would change", unchanged.Text);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => d.ClassKey == "rulebook" && db.Groups.Any(g => g.Id == d.GroupId && g.Slug == slug))));
    }

    [Fact]
    public async Task After_the_failed_rounds_the_rulebook_allows_the_next_round_is_decided_by_its_fallback_majority()
    {
        var (slug, founder, members) = await GroupAsync("Stuck collective", "affinity-consensus", 3);
        await AmendGeneralAsync(slug, founder, members, ("FallbackAfterRounds", "1"), ("FallbackNumerator", "2"), ("FallbackDenominator", "3"));

        var first = await ProposeAsync(founder, slug, "Paint the door red");
        Assert.Contains("after 1 failed round(s), at least 2/3 decide", (await founder.GetAsync(first)).Text);
        await VoteAsync(founder, first, "agree");
        await VoteAsync(members[0], first, "agree");
        await VoteAsync(members[1], first, "agree");
        await VoteAsync(members[2], first, "block", "Red clashes with the mural.");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        var failed = await founder.GetAsync(first);
        Assert.Contains("Outcome: did not pass", failed.Text);
        Assert.Contains("the rulebook decides the next round by at least 2/3", failed.Text);

        var firstId = first.Split('/')[^1];
        var second = await ProposeAsync(founder, slug, "Paint the door dark red", previousRound: firstId);
        var ballot = await members[2].GetAsync(second);
        Assert.Contains("round 2", ballot.Text);
        Assert.Contains("the rulebook's fallback after failed rounds", ballot.Text);
        Assert.Null(ballot.Document.QuerySelector("input[name='Position'][value='block']"));
        var blocked = await VoteAsync(members[2], second, "block", "Still no.");
        Assert.Contains("Choose one of the positions", blocked.Text);

        // A failed round has only one next round, even if two members try at once.
        var again = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions/new?previousRound={firstId}"), null,
            Fields(("ClassKey", "general"), ("Title", "Paint it anyway"), ("Text", "We paint it."), ("ClosesAt", Deadline(30))));
        Assert.Contains("has its next round already", again.Text);

        await VoteAsync(founder, second, "agree");
        await VoteAsync(members[0], second, "agree");
        await VoteAsync(members[1], second, "agree");
        await VoteAsync(members[2], second, "disagree", "Still no.");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        var passed = await founder.GetAsync(second);
        Assert.Contains("Outcome: passed", passed.Text);
        Assert.Contains("consensus was not reached in 1 round(s), so the rulebook's fallback applies", passed.Text);
        var secondId = Guid.Parse(second.Split('/')[^1]);
        Assert.Contains("3 agree of 4 counted = 75.0% ≥ 2/3 → passes", await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == secondId).Select(d => d.OutcomeExplanation!).SingleAsync()));
    }

    [Fact]
    public async Task A_proxy_carries_one_vote_within_the_rulebook_limit_and_only_its_holder_casts_it()
    {
        var (slug, founder, members) = await GroupAsync("Proxy local", "majority-quorum", 3);
        var path = await ProposeAsync(founder, slug, "Hold the picnic", hours: 30);
        var noProxies = await members[0].GetAsync(path);
        Assert.DoesNotContain("Hand your vote to another member", noProxies.Text);

        await AmendGeneralAsync(slug, founder, members, ("MaxProxiesPerMember", "1"));
        path = await ProposeAsync(founder, slug, "Hold the autumn picnic", hours: 30);
        var founderId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "Proxy local-founder").Select(u => u.Id).SingleAsync());
        var member0Id = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "Proxy local-member-0").Select(u => u.Id).SingleAsync());

        var given = await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='GiveProxy']", Fields(("ProxyHolder", founderId.ToString())));
        Assert.Contains("Your vote is carried by Proxy local-founder", given.Text);
        var overLimit = await members[1].SubmitAsync(await members[1].GetAsync(path), "form[action*='GiveProxy']", Fields(("ProxyHolder", founderId.ToString())));
        Assert.Contains("already carries 1 proxy vote(s), the most the rulebook allows", overLimit.Text);
        var stranger = await VoteAsync(members[1], path, "agree", extra: Fields(("ProxyFor", member0Id.ToString())));
        Assert.Contains("You do not hold that member's proxy", stranger.Text);

        var byProxy = await VoteAsync(founder, path, "disagree", extra: Fields(("ProxyFor", member0Id.ToString())));
        Assert.Contains("The vote you carry by proxy is recorded", byProxy.Text);
        await VoteAsync(founder, path, "agree");
        var decisionId = Guid.Parse(path.Split('/')[^1]);
        var vote = await Server.WithDbAsync(db => db.OpenVotes.Include(v => v.CastBy).SingleAsync(v => v.UserId == member0Id && v.DecisionId == decisionId));
        Assert.Equal(("disagree", "Proxy local-founder"), (vote.Position, vote.CastBy!.UserName!));
        Assert.Contains("(by proxy: Proxy local-founder): disagree", (await founder.GetAsync(path)).Text);

        var late = await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='TakeBackProxy']");
        Assert.Contains("vote yourself to change it", late.Text);
        await VoteAsync(members[0], path, "agree");
        Assert.Equal(0, await Server.WithDbAsync(db => db.ProxyVotes.CountAsync(p => p.GrantorUserId == member0Id)));
        var own = await Server.WithDbAsync(db => db.OpenVotes.SingleAsync(v => v.UserId == member0Id && v.DecisionId == decisionId));
        Assert.Equal(("agree", null), (own.Position, own.CastByUserId));
    }

    [Fact]
    public async Task Weighted_votes_count_each_members_weight_only_where_the_rulebook_weighs_them()
    {
        var (slug, founder, members) = await GroupAsync("Share coop", "majority-quorum", 3);
        var membersPage = await founder.GetAsync($"/groups/{slug}/members");
        Assert.DoesNotContain("Vote weight", membersPage.Text);
        await AmendGeneralAsync(slug, founder, members, ("WeightedVotes", "true"));

        var founderId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "Share coop-founder").Select(u => u.Id).SingleAsync());
        membersPage = await founder.GetAsync($"/groups/{slug}/members");
        Assert.Contains("Vote weight", membersPage.Text);
        await founder.SubmitAsync(membersPage, $"form[action*='Weight'][action*='{founderId}']", Fields(("weight", "5")));
        Assert.Contains("changed a vote weight (Share coop-founder: 1 → 5)", (await members[0].GetAsync($"/groups/{slug}/members")).Text);
        var notCoordinator = await members[0].Http.PostAsync($"/groups/{slug}/members?handler=Weight&member={founderId}", new FormUrlEncodedContent(Fields(("weight", "9"))));
        Assert.NotEqual(HttpStatusCode.OK, notCoordinator.StatusCode);

        var path = await ProposeAsync(founder, slug, "Buy the van", hours: 30);
        await VoteAsync(founder, path, "agree");
        foreach (var member in members) await VoteAsync(member, path, "disagree");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        var closed = await founder.GetAsync(path);
        Assert.Contains("Outcome: passed", closed.Text);
        Assert.Contains("5 agree of 8 counted", closed.Text);
        Assert.Contains("(weight 5)", closed.Text);
    }

    [Fact]
    public async Task The_api_closes_early_only_within_the_rulebook_and_reports_the_count()
    {
        var (slug, founder, members) = await GroupAsync("Api closers", "majority-quorum", 2);
        using var proposer = await Server.ApiClientAsync("Api closers-founder");
        using var member = await Server.ApiClientAsync("Api closers-member-0");
        var created = await proposer.PostAsJsonAsync($"/api/v1/groups/{slug}/decisions", new
        {
            @class = "general", title = "Pick a name", text = "Our name.", closesAt = Server.Clock.GetUtcNow().AddDays(5), type = "RankedChoice",
            options = new[] { "Red Door", "Green Door", "Blue Door" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await proposer.PostAsJsonAsync($"/api/v1/groups/{slug}/decisions/{id}/votes", new { choice = new[] { 1, 0 } });
        await member.PostAsJsonAsync($"/api/v1/groups/{slug}/decisions/{id}/votes", new { choice = new[] { 1, 2 } });

        var tooEarly = await proposer.PostAsync($"/api/v1/groups/{slug}/decisions/{id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("at least 24 hours", await tooEarly.Content.ReadAsStringAsync());
        Server.Clock.Advance(TimeSpan.FromHours(25));
        var notTheirs = await member.PostAsync($"/api/v1/groups/{slug}/decisions/{id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, notTheirs.StatusCode);
        var closed = await proposer.PostAsync($"/api/v1/groups/{slug}/decisions/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var result = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Closed", result.GetProperty("status").GetString());
        var read = await (await member.GetAsync($"/api/v1/groups/{slug}/decisions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Green Door", read.GetProperty("count").GetProperty("winners")[0].GetString());
        // The deadline moves to the moment it closed, so the record shows when voting really ended.
        Assert.True(await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == id).Select(d => d.ClosesAt).SingleAsync()) <= Server.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Agreements_come_up_for_review_with_a_reminder_and_lapse_after_their_last_day()
    {
        var (slug, founder, members) = await GroupAsync("Review crew", "majority-quorum", 1);
        var form = await founder.GetAsync($"/groups/{slug}/decisions/new");
        var trial = await founder.SubmitAsync(form, null, Fields(("ClassKey", "general"), ("Title", "Trial of the quiet room"), ("Text", "We try a quiet room."),
            ("ClosesAt", Deadline(30)), ("ReviewAfterMonths", "0"), ("ValidUntil", Server.Clock.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd"))));
        var rule = await founder.SubmitAsync(form, null, Fields(("ClassKey", "general"), ("Title", "Dues of five"), ("Text", "Dues are five a month."),
            ("ClosesAt", Deadline(30)), ("ReviewAfterMonths", "1")));
        foreach (var path in new[] { trial.Path, rule.Path })
            foreach (var voter in members.Append(founder)) await VoteAsync(voter, path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        await Server.RunHousekeepingAsync();
        var register = await founder.GetAsync($"/groups/{slug}/agreements");
        Assert.Contains("holds until", register.Text);

        Server.Clock.Advance(TimeSpan.FromDays(32));
        await Server.RunHousekeepingAsync();
        await Server.RunHousekeepingAsync();
        var statuses = await Server.WithDbAsync(db => db.Agreements.Where(a => db.Groups.Any(g => g.Id == a.GroupId && g.Slug == slug)).ToDictionaryAsync(a => a.Title, a => a.Status));
        Assert.Equal(AgreementStatus.Expired, statuses["Trial of the quiet room"]);
        Assert.Equal(AgreementStatus.UnderReview, statuses["Dues of five"]);
        await members[0].LoginAsync("Review crew-member-0"); // a month on, the sign-in has expired
        var notices = await members[0].GetAsync("/notifications");
        Assert.Contains("is due for review", notices.Document.QuerySelector("main")!.TextContent);
        Assert.Single(notices.Document.QuerySelectorAll("li"), li => li.TextContent.Contains("the agreement \"Dues of five\" is due for review"));
    }

    [Fact]
    public async Task With_reasons_off_a_block_still_states_its_reason_and_other_positions_keep_none()
    {
        var (slug, founder, members) = await GroupAsync("Quiet circle", "consent-circle", 2);
        await AmendGeneralAsync(slug, founder, members, ("Reasons", "Off"));
        var path = await ProposeAsync(founder, slug, "Paint the hall green");

        Assert.Contains("Only for a block, and then required.", (await founder.GetAsync(path)).Text);
        Assert.Contains("needs a stated reason", (await VoteAsync(members[0], path, "block")).Text);
        Assert.Contains("Your vote is recorded", (await VoteAsync(members[0], path, "block", "The paint is toxic")).Text);
        Assert.Contains("Your vote is recorded", (await VoteAsync(members[1], path, "agree", "Green is nice")).Text);

        var id = Guid.Parse(path.Split('/')[^1]);
        var reasons = await Server.WithDbAsync(db => db.OpenVotes.Where(v => v.DecisionId == id).ToDictionaryAsync(v => v.Position, v => v.Reason));
        Assert.Equal("The paint is toxic", reasons["block"]);
        Assert.Null(reasons["agree"]);
    }

    [Fact]
    public async Task A_second_rulebook_change_waits_until_the_first_is_decided()
    {
        var (slug, founder, _) = await GroupAsync("Busy circle", "consent-circle", 1);
        var fields = new Dictionary<string, string> { ["Classes[0].QuorumNumerator"] = "1", ["Classes[0].QuorumDenominator"] = "2", ["ClosesAt"] = Deadline(80), ["Why"] = "Quorum." };
        Assert.Contains("Your amendment is open for a vote", (await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/rulebook/amend"), null, fields)).Text);
        fields["Classes[0].QuorumNumerator"] = "2";
        fields["Classes[0].QuorumDenominator"] = "3";
        var second = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/rulebook/amend"), null, fields);
        Assert.Contains("Another rulebook change is being decided", second.Text);
        Assert.Equal(1, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => d.ProposedClassesJson != null && db.Groups.Any(g => g.Id == d.GroupId && g.Slug == slug))));
    }
}
