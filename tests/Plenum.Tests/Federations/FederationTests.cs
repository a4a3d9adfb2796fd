using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR.Client;
using Plenum.Decisions;
using Plenum.Federations;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Federations;

/// <summary>
/// Groups join federations, send delegates with mandates, recall them, push proposals up, and a
/// federation counts its member groups' own decisions: one vote per group or a double majority,
/// across three levels (affinity groups → local spokescouncil → city federation).
/// </summary>
public sealed class FederationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
    string Deadline(double hours) => Server.Clock.GetUtcNow().UtcDateTime.AddHours(hours).ToString("yyyy-MM-ddTHH:mm");

    sealed record TestGroup(string Slug, WebSession Founder, WebSession[] Members)
    {
        public IEnumerable<WebSession> Everyone => Members.Prepend(Founder);
    }

    async Task<TestGroup> GroupAsync(string name, string kind, int members, string template = "consent-circle")
    {
        var founder = await Server.NewMemberAsync($"{name}-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null,
            Fields(("Form.Name", name), ("Form.Kind", kind), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var sessions = new WebSession[members];
        for (var i = 0; i < members; i++)
        {
            sessions[i] = await Server.NewMemberAsync($"{name}-member-{i}");
            await sessions[i].SubmitAsync(await sessions[i].GetAsync($"/groups/{slug}"), "form[action*='Join']");
        }
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']", Fields(("template", template)));
        return new TestGroup(slug, founder, sessions);
    }

    async Task JoinAsync(TestGroup member, TestGroup federation)
    {
        var asked = await member.Founder.SubmitAsync(await member.Founder.GetAsync($"/groups/{member.Slug}/federations"), "form[action*='Apply']", Fields(("federation", federation.Slug)));
        Assert.Contains("The federation's coordinators have your request", asked.Text);
        var accepted = await federation.Founder.SubmitAsync(await federation.Founder.GetAsync($"/groups/{federation.Slug}/federations"), "form[action*='Accept']");
        Assert.Contains("The group is a member now", accepted.Text);
    }

    /// <summary>Gives the federation's rulebook a new version whose general class counts by member groups (a passed amendment does the same).</summary>
    Task CountGeneralByAsync(TestGroup federation, FederationVoting voting) => Server.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Slug == federation.Slug);
        var current = await db.Rulebooks.Where(r => r.GroupId == group.Id).OrderByDescending(r => r.Version).FirstAsync();
        db.Rulebooks.Add(new Rulebook
        {
            Id = Guid.NewGuid(), GroupId = group.Id, Version = current.Version + 1, TemplateName = "test", AdoptedAt = Server.Clock.GetUtcNow(),
            ClassesJson = Rulebook.Serialize(current.Classes.Select(c => c.Key == "general" ? c with { Mode = Counting.Proposals.DecisionMode.SimpleMajority, MemberVotes = voting } : c)),
        });
        return await db.SaveChangesAsync();
    });

    static async Task VoteAsync(WebSession who, string path, string position, string reason = "") =>
        await who.SubmitAsync(await who.GetAsync(path), "form[action*='Vote']", Fields(("Position", position), ("Reason", reason)));

    /// <summary>The open position decision a member group got for a federation decision.</summary>
    async Task<string> PositionPathAsync(TestGroup group, Guid federationDecisionId) => await Server.WithDbAsync(async db =>
    {
        var id = await db.FederationActions.Where(a => a.FederationDecisionId == federationDecisionId && a.Purpose == FederationPurpose.GroupPosition)
            .Join(db.Decisions, a => a.DecisionId, d => d.Id, (a, d) => d).Where(d => db.Groups.Any(g => g.Id == d.GroupId && g.Slug == group.Slug)).Select(d => d.Id).SingleAsync();
        return $"/groups/{group.Slug}/decisions/{id}";
    });

    [Fact]
    public async Task A_double_majority_counts_each_groups_own_decision_across_three_levels()
    {
        var bikes = await GroupAsync("Bike crew", "Assembly", 2);
        var kitchen = await GroupAsync("Kitchen crew", "Assembly", 1);
        var eastside = await GroupAsync("Eastside council", "Federation", 0);
        var westside = await GroupAsync("Westside assembly", "Assembly", 4);
        var city = await GroupAsync("City federation", "Federation", 0);
        await JoinAsync(bikes, eastside);
        await JoinAsync(kitchen, eastside);
        await JoinAsync(eastside, city);
        await JoinAsync(westside, city);
        await CountGeneralByAsync(eastside, FederationVoting.GroupVotes);
        await CountGeneralByAsync(city, FederationVoting.DoubleMajority);

        var opened = await city.Founder.SubmitAsync(await city.Founder.GetAsync($"/groups/{city.Slug}/decisions/new"), null,
            Fields(("ClassKey", "general"), ("Title", "Rent strike in March"), ("Text", "All our buildings strike together."), ("ClosesAt", Deadline(48))));
        var cityDecision = Guid.Parse(opened.Path.Split('/')[^1]);
        Assert.Contains("Member groups' positions", opened.Text);
        Assert.Contains("Nobody votes here directly", opened.Text);
        var eastsidePosition = Guid.Parse((await PositionPathAsync(eastside, cityDecision)).Split('/')[^1]);

        // Affinity groups decide inside Eastside (consent), Westside as an assembly of people.
        var bikesPath = await PositionPathAsync(bikes, eastsidePosition);
        Assert.Contains("This is the group's one vote in Eastside council", (await bikes.Founder.GetAsync(bikesPath)).Text);
        foreach (var person in bikes.Everyone) await VoteAsync(person, bikesPath, "agree");
        var kitchenPath = await PositionPathAsync(kitchen, eastsidePosition);
        await VoteAsync(kitchen.Founder, kitchenPath, "agree");
        await VoteAsync(kitchen.Members[0], kitchenPath, "block", "We cannot strike in March.");
        var westsidePath = await PositionPathAsync(westside, cityDecision);
        await VoteAsync(westside.Founder, westsidePath, "agree");
        foreach (var person in westside.Members) await VoteAsync(person, westsidePath, "block", "Too soon.");

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await city.Founder.GetAsync(opened.Path);
        Assert.Contains("Outcome: did not pass", closed.Text);
        var explanation = await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == cityDecision).Select(d => d.OutcomeExplanation!).SingleAsync());
        // Eastside: Bikes agree, Kitchen blocked → 1 of 2 groups, not more than half → Eastside disagrees; people 4 agree, 1 against.
        Assert.Contains("2 member groups: 0 agree, 2 disagree", explanation);
        Assert.Contains("individuals: 5 of 10 agree, more than 1/2 needed → not met", explanation);
        var eastsideOutcome = await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == eastsidePosition).Select(d => d.OutcomeExplanation!).SingleAsync());
        Assert.Contains("groups: 1 of 2 agree, more than 1/2 needed → not met", eastsideOutcome);
        var eastsidePage = await eastside.Founder.GetAsync($"/groups/{eastside.Slug}/decisions/{eastsidePosition}");
        Assert.Equal("did not pass", eastsidePage.Document.QuerySelector("#member-positions + p + table tr:has(th:contains('Kitchen crew')) td")?.TextContent.Trim());
    }

    [Fact]
    public async Task Delegates_are_elected_bound_by_mandates_report_back_and_can_be_recalled()
    {
        var tenants = await GroupAsync("Tenants union", "Assembly", 3);
        var council = await GroupAsync("Housing council", "Federation", 0);
        await JoinAsync(tenants, council);
        Server.Clock.Advance(TimeSpan.FromDays(8)); // membership-class proposals need a week of membership

        var federations = await tenants.Members[0].GetAsync($"/groups/{tenants.Slug}/federations");
        var councilId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == council.Slug).Select(g => g.Id).SingleAsync());
        var election = await tenants.Members[0].SubmitAsync(federations, $"form[action*='Elect'][action*='{councilId}']",
            Fields(("candidates", "Tenants union-member-1\nTenants union-member-2"), ("seats", "1"), ("ClosesAt", Deadline(80))));
        Assert.Contains("The people elected become the group's delegates to Housing council", election.Text);
        foreach (var person in tenants.Everyone)
            await person.SubmitAsync(await person.GetAsync(election.Path), "form[action*='Vote']", Fields(("Ranks[0]", "1"), ("Ranks[1]", "2")));
        Server.Clock.Advance(TimeSpan.FromHours(81));
        Assert.Contains("Outcome: passed", (await tenants.Founder.GetAsync(election.Path)).Text);
        var delegates = await tenants.Founder.GetAsync($"/groups/{tenants.Slug}/federations");
        Assert.Contains("Our delegates: Tenants union-member-1", delegates.Text);
        var delegateSession = tenants.Members[1];

        // The delegate takes part in the council, where delegates vote; the group first gives a mandate.
        var proposal = await council.Founder.SubmitAsync(await council.Founder.GetAsync($"/groups/{council.Slug}/decisions/new"), null,
            Fields(("ClassKey", "general"), ("Title", "Joint eviction watch"), ("Text", "We run one eviction watch rota."), ("ClosesAt", Deadline(100))));
        var councilDecision = Guid.Parse(proposal.Path.Split('/')[^1]);
        var mandate = await tenants.Founder.SubmitAsync(await tenants.Founder.GetAsync($"/groups/{tenants.Slug}/federations"),
            $"form[action*='Mandate'][action*='{councilDecision}']", Fields(("position", "agree"), ("limits", "Only if the rota is shared fairly."), ("ClosesAt", Deadline(80))));
        Assert.Contains("If it passes, this binds the group's delegate in Housing council", mandate.Text);
        foreach (var person in tenants.Everyone) await VoteAsync(person, mandate.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(81));
        await Server.RunHousekeepingAsync();
        Assert.Equal("agree", await Server.WithDbAsync(db => db.Mandates.Where(m => m.FederationDecisionId == councilDecision).Select(m => m.Position).SingleAsync()));

        var outsider = await tenants.Members[0].GetAsync(proposal.Path);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, outsider.Status);
        await VoteAsync(delegateSession, proposal.Path, "disagree", "Changed my mind.");
        Assert.Contains("(against the group's mandate (agree))", (await delegateSession.GetAsync(proposal.Path)).Text);
        var report = await delegateSession.SubmitAsync(await delegateSession.GetAsync(proposal.Path), "form[action*='ReportBack']", Fields(("Report", "I voted against; here is why.")));
        Assert.Contains("Report from Housing council: Joint eviction watch", report.Text);
        Assert.StartsWith($"/groups/{tenants.Slug}/discussions/", report.Path);

        // Any member can start a recall; passed, it replaces the delegate.
        var delegation = await Server.WithDbAsync(db => db.Delegations.SingleAsync(d => d.FederationId == councilId && d.Until == null));
        var replacementId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "Tenants union-member-2").Select(u => u.Id).SingleAsync());
        var recall = await tenants.Members[0].SubmitAsync(await tenants.Members[0].GetAsync($"/groups/{tenants.Slug}/federations"),
            $"form[action*='Recall'][action*='{delegation.Id}']", Fields(("replacement", replacementId.ToString()), ("reason", "Broke our mandate."), ("ClosesAt", Deadline(80))));
        Assert.Contains("no longer speaks for us and Tenants union-member-2 takes over", recall.Text);
        foreach (var person in tenants.Everyone) await VoteAsync(person, recall.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(81));
        await tenants.Founder.GetAsync(recall.Path);
        var seats = await Server.WithDbAsync(db => db.Delegations.Where(d => d.FederationId == councilId).OrderBy(d => d.Since).Select(d => new { d.UserId, d.Until, d.ChosenBy }).ToListAsync());
        Assert.Equal(2, seats.Count);
        Assert.NotNull(seats[0].Until);
        Assert.Equal((replacementId, (DateTimeOffset?)null, DelegateChoice.Recall), (seats[1].UserId, seats[1].Until, seats[1].ChosenBy));
        var former = await delegateSession.GetAsync(proposal.Path);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, former.Status);
    }

    [Fact]
    public async Task A_proposal_from_one_group_reaches_the_federation_agenda_once_enough_groups_endorse_it()
    {
        var first = await GroupAsync("North block", "Assembly", 1);
        var second = await GroupAsync("South block", "Assembly", 1);
        var third = await GroupAsync("East block", "Assembly", 1);
        var federation = await GroupAsync("Blocks federation", "Federation", 0);
        foreach (var member in new[] { first, second, third }) await JoinAsync(member, federation);
        // A delegate to vote on what reaches the agenda, so the vote can close whenever another test moves the clock.
        await SeatAsync(federation, first, "North block-member-0");
        var federationId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == federation.Slug).Select(g => g.Id).SingleAsync());
        // Two of three groups must endorse (2/3, raised from the template's 1/3).
        await Server.WithDbAsync(async db =>
        {
            var current = await db.Rulebooks.SingleAsync(r => r.GroupId == federationId);
            current.ClassesJson = Rulebook.Serialize(current.Classes.Select(c => c with { EscalationNumerator = 2, EscalationDenominator = 3 }));
            return await db.SaveChangesAsync();
        });

        var sent = await first.Founder.SubmitAsync(await first.Founder.GetAsync($"/groups/{first.Slug}/federations"), $"form[action*='Escalate'][action*='{federationId}']",
            Fields(("title", "Shared tool library"), ("text", "The federation runs one tool library."), ("ClosesAt", Deadline(30))));
        foreach (var person in first.Everyone) await VoteAsync(person, sent.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        await first.Founder.GetAsync(sent.Path);
        Assert.Contains("Shared tool library: endorsed by 1 group(s), waiting for more", (await federation.Founder.GetAsync($"/groups/{federation.Slug}/federations")).Text);

        var endorse = await second.Founder.SubmitAsync(await second.Founder.GetAsync($"/groups/{second.Slug}/federations"), "form[action*='Endorse']", Fields(("ClosesAt", Deadline(30))));
        Assert.Contains("Endorse for the federation: Shared tool library", endorse.Text);
        foreach (var person in second.Everyone) await VoteAsync(person, endorse.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        await second.Founder.GetAsync(endorse.Path);
        var agenda = await federation.Founder.GetAsync($"/groups/{federation.Slug}/decisions");
        Assert.Contains("Shared tool library", agenda.Text);
        Assert.Equal(1, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => d.GroupId == federationId)));
    }

    [Fact]
    public async Task A_federation_cannot_join_its_own_member_and_only_coordinators_apply()
    {
        var group = await GroupAsync("Loop crew", "Federation", 1);
        var federation = await GroupAsync("Loop federation", "Federation", 0);
        await JoinAsync(group, federation);
        var loop = await federation.Founder.SubmitAsync(await federation.Founder.GetAsync($"/groups/{federation.Slug}/federations"), "form[action*='Apply']", Fields(("federation", group.Slug)));
        Assert.Contains("A federation cannot join itself or one of its own members", loop.Text);
        var page = await group.Members[0].GetAsync($"/groups/{group.Slug}/federations");
        Assert.Null(page.Document.QuerySelector("form[action*='Apply']"));
    }

    [Fact]
    public async Task An_instance_admin_who_is_not_a_member_is_refused_not_crashed()
    {
        var member = await GroupAsync("Admin test crew", "Assembly", 0);
        var federation = await GroupAsync("Admin test federation", "Federation", 0);
        await member.Founder.SubmitAsync(await member.Founder.GetAsync($"/groups/{member.Slug}/federations"), "form[action*='Apply']", Fields(("federation", federation.Slug)));
        var admin = fixture.Admin;
        var accept = await admin.SubmitAsync(await admin.GetAsync($"/groups/{federation.Slug}/federations"), "form[action*='Accept']");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, accept.Status);
        Assert.Equal(1, await Server.WithDbAsync(db => db.FederationApplications.CountAsync(a => db.Groups.Any(g => g.Id == a.FederationId && g.Slug == federation.Slug))));

        await federation.Founder.SubmitAsync(await federation.Founder.GetAsync($"/groups/{federation.Slug}/federations"), "form[action*='Accept']");
        var federationId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == federation.Slug).Select(g => g.Id).SingleAsync());
        var escalate = await admin.SubmitAsync(await admin.GetAsync($"/groups/{member.Slug}/federations"), $"form[action*='Escalate'][action*='{federationId}']",
            Fields(("title", "Admin proposal"), ("text", "Not theirs to send."), ("ClosesAt", Deadline(30))));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, escalate.Status);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Escalations.CountAsync(e => e.FederationId == federationId)));
    }

    [Fact]
    public async Task Accepting_a_group_that_would_close_a_loop_is_refused_and_a_loop_in_the_data_does_not_hang_a_vote()
    {
        var first = await GroupAsync("Loop A", "Federation", 0);
        var second = await GroupAsync("Loop B", "Federation", 0);
        // Both ask before either accepts, so the check at asking time cannot see the loop.
        await second.Founder.SubmitAsync(await second.Founder.GetAsync($"/groups/{second.Slug}/federations"), "form[action*='Apply']", Fields(("federation", first.Slug)));
        await JoinAsync(first, second);
        var refused = await first.Founder.SubmitAsync(await first.Founder.GetAsync($"/groups/{first.Slug}/federations"), "form[action*='Accept']");
        Assert.Contains("This federation is already a member of Loop B", refused.Text);
        Assert.Contains("Loop B", refused.Document.QuerySelector("form[action*='Accept']")?.TextContent ?? "");

        // A loop already in the data (from before the check): opening a vote still finishes.
        await Server.WithDbAsync(async db =>
        {
            var ids = await db.Groups.Where(g => g.Slug == first.Slug || g.Slug == second.Slug).ToDictionaryAsync(g => g.Slug, g => g.Id);
            db.Memberships.Add(new Plenum.Groups.Membership { Id = Guid.NewGuid(), GroupId = ids[first.Slug], MemberGroupId = ids[second.Slug], JoinedAt = Server.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        await CountGeneralByAsync(first, FederationVoting.GroupVotes);
        await CountGeneralByAsync(second, FederationVoting.GroupVotes);
        var opened = await first.Founder.SubmitAsync(await first.Founder.GetAsync($"/groups/{first.Slug}/decisions/new"), null,
            Fields(("ClassKey", "general"), ("Title", "Round and round"), ("Text", "Does this end?"), ("ClosesAt", Deadline(48))));
        Assert.Equal(System.Net.HttpStatusCode.OK, opened.Status);
        Server.Clock.Advance(TimeSpan.FromHours(49));
        Assert.Contains("Outcome:", (await first.Founder.GetAsync(opened.Path)).Text);
    }

    /// <summary>Seats a member of the member group as its delegate directly (an election does the same, more slowly).</summary>
    Task SeatAsync(TestGroup federation, TestGroup member, string pseudonym) => Server.WithDbAsync(async db =>
    {
        var ids = await db.Groups.Where(g => g.Slug == federation.Slug || g.Slug == member.Slug).ToDictionaryAsync(g => g.Slug, g => g.Id);
        var userId = await db.Users.Where(u => u.UserName == pseudonym).Select(u => u.Id).SingleAsync();
        db.Delegations.Add(new Delegation { Id = Guid.NewGuid(), FederationId = ids[federation.Slug], MemberGroupId = ids[member.Slug], UserId = userId, ChosenBy = DelegateChoice.Election, Since = Server.Clock.GetUtcNow() });
        return await db.SaveChangesAsync();
    });

    HubConnection Listener(WebSession who, string path) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, path), options => options.Cookies = who.Cookies).Build();

    [Fact]
    public async Task A_delegate_reads_the_federation_and_follows_it_live_but_cannot_invite_people_to_it()
    {
        var member = await GroupAsync("Stand-in crew", "Assembly", 1);
        var federation = await GroupAsync("Stand-in federation", "Federation", 0);
        await JoinAsync(member, federation);
        await SeatAsync(federation, member, "Stand-in crew-member-0");
        var delegateSession = member.Members[0];

        var home = await delegateSession.GetAsync($"/groups/{federation.Slug}");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.Status);
        Assert.Null(home.Document.QuerySelector($"a[href='/groups/{federation.Slug}/invite']"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await delegateSession.GetAsync($"/groups/{federation.Slug}/invite")).Status);

        var opened = await federation.Founder.SubmitAsync(await federation.Founder.GetAsync($"/groups/{federation.Slug}/decisions/new"), null,
            Fields(("ClassKey", "general"), ("Title", "Delegates listen"), ("Text", "Live counts for delegates."), ("ClosesAt", Deadline(48))));
        var decisionId = Guid.Parse(opened.Path.Split('/')[^1]);
        await using var decisions = Listener(delegateSession, Plenum.Decisions.DecisionHub.Path);
        await decisions.StartAsync();
        await decisions.InvokeAsync<int>("Watch", decisionId);

        var meeting = await federation.Founder.SubmitAsync(await federation.Founder.GetAsync($"/groups/{federation.Slug}/meetings"), null, Fields(("Title", "Spokescouncil"),
            ("StartsAt", Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")), ("Mode", "InPerson"), ("Place", "The hall"), ("Agenda", "Reports")));
        await using var meetings = Listener(delegateSession, Plenum.Assemblies.MeetingHub.Path);
        await meetings.StartAsync();
        await meetings.InvokeAsync("Watch", Guid.Parse(meeting.Path.Split('/')[^1]));
        await using var outsider = Listener(member.Founder, Plenum.Assemblies.MeetingHub.Path);
        await outsider.StartAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync("Watch", Guid.Parse(meeting.Path.Split('/')[^1])));
    }

    [Fact]
    public async Task A_proposal_reaches_other_groups_only_once_its_group_passed_it_and_each_group_endorses_it_once()
    {
        var first = await GroupAsync("West wing", "Assembly", 1);
        var second = await GroupAsync("East wing", "Assembly", 1);
        var federation = await GroupAsync("Wings federation", "Federation", 0);
        await JoinAsync(first, federation);
        await JoinAsync(second, federation);
        await SeatAsync(federation, first, "West wing-member-0");
        var federationId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == federation.Slug).Select(g => g.Id).SingleAsync());
        await Server.WithDbAsync(async db =>
        {
            var current = await db.Rulebooks.SingleAsync(r => r.GroupId == federationId);
            current.ClassesJson = Rulebook.Serialize(current.Classes.Select(c => c with { EscalationNumerator = 1, EscalationDenominator = 1 }));
            return await db.SaveChangesAsync();
        });
        var sent = await first.Founder.SubmitAsync(await first.Founder.GetAsync($"/groups/{first.Slug}/federations"), $"form[action*='Escalate'][action*='{federationId}']",
            Fields(("title", "Lift repairs"), ("text", "The federation pushes for lift repairs."), ("ClosesAt", Deadline(30))));
        var escalationId = await Server.WithDbAsync(db => db.Escalations.Where(e => e.FederationId == federationId).Select(e => e.Id).SingleAsync());

        // Not yet passed by West wing: nobody else sees it or can endorse it.
        var early = await second.Founder.GetAsync($"/groups/{second.Slug}/federations");
        Assert.DoesNotContain("Lift repairs", early.Text);
        Assert.DoesNotContain("Lift repairs", (await federation.Founder.GetAsync($"/groups/{federation.Slug}/federations")).Text);
        var earlyEndorse = await second.Founder.Http.PostAsync($"/groups/{second.Slug}/federations?handler=Endorse&escalation={escalationId}", new FormUrlEncodedContent(Fields(
            ("__RequestVerificationToken", early.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!))));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, earlyEndorse.StatusCode);

        foreach (var person in first.Everyone) await VoteAsync(person, sent.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        await first.Founder.GetAsync(sent.Path);
        var endorse = await second.Founder.SubmitAsync(await second.Founder.GetAsync($"/groups/{second.Slug}/federations"), "form[action*='Endorse']", Fields(("ClosesAt", Deadline(30))));
        Assert.Contains("Endorse for the federation: Lift repairs", endorse.Text);
        var again = await second.Founder.SubmitAsync(await second.Founder.GetAsync($"/groups/{second.Slug}/federations"), "form[action*='Endorse']", Fields(("ClosesAt", Deadline(30))));
        Assert.Contains("The group is already deciding whether to endorse this proposal.", again.Text);

        // Should an endorsement land twice anyway (two decisions racing), the second decision still closes.
        var secondId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == second.Slug).Select(g => g.Id).SingleAsync());
        await Server.WithDbAsync(async db =>
        {
            db.Set<Endorsement>().Add(new Endorsement { EscalationId = escalationId, GroupId = secondId, DecisionId = Guid.NewGuid(), At = Server.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        foreach (var person in second.Everyone) await VoteAsync(person, endorse.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        Assert.Contains("Outcome: passed", (await second.Founder.GetAsync(endorse.Path)).Text);
        Assert.Equal(1, await Server.WithDbAsync(db => db.Set<Endorsement>().CountAsync(e => e.EscalationId == escalationId && e.GroupId == secondId)));
        Assert.Contains("Lift repairs", (await federation.Founder.GetAsync($"/groups/{federation.Slug}/decisions")).Text);
    }

    [Fact]
    public async Task Leaving_a_group_ends_the_persons_delegations_and_role_terms_and_a_group_leaves_only_federations_it_is_in()
    {
        var member = await GroupAsync("Leaving crew", "Assembly", 2);
        var federation = await GroupAsync("Leaving federation", "Federation", 0);
        await JoinAsync(member, federation);
        await SeatAsync(federation, member, "Leaving crew-member-0");
        var (groupId, userId) = await Server.WithDbAsync(async db => (
            await db.Groups.Where(g => g.Slug == member.Slug).Select(g => g.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "Leaving crew-member-0").Select(u => u.Id).SingleAsync()));
        var now = Server.Clock.GetUtcNow();
        var roleId = Guid.NewGuid();
        await Server.WithDbAsync(async db =>
        {
            db.RotatingRoles.Add(new Plenum.Roles.RotatingRole { Id = roleId, GroupId = groupId, Name = "treasurer", TermDays = 10, CreatedAt = now });
            db.RoleTerms.Add(new Plenum.Roles.RoleTerm { Id = Guid.NewGuid(), RoleId = roleId, UserId = userId, StartsAt = now.AddDays(-1), EndsAt = now.AddDays(9) });
            db.RoleTerms.Add(new Plenum.Roles.RoleTerm { Id = Guid.NewGuid(), RoleId = roleId, UserId = userId, StartsAt = now.AddDays(9), EndsAt = now.AddDays(19) });
            return await db.SaveChangesAsync();
        });

        var leaving = member.Members[0];
        await leaving.SubmitAsync(await leaving.GetAsync($"/groups/{member.Slug}"), "form[action*='Leave']");
        Assert.Null(await Server.WithDbAsync(db => db.Delegations.Where(d => d.UserId == userId && d.Until == null).FirstOrDefaultAsync()));
        var terms = await Server.WithDbAsync(db => db.RoleTerms.Where(t => t.RoleId == roleId).ToListAsync());
        Assert.InRange(Assert.Single(terms).EndsAt, now.AddSeconds(-1), now.AddSeconds(1));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await leaving.GetAsync($"/groups/{federation.Slug}/decisions")).Status);

        var elsewhere = await GroupAsync("Unrelated federation", "Federation", 0);
        var otherId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == elsewhere.Slug).Select(g => g.Id).SingleAsync());
        var page = await member.Founder.GetAsync($"/groups/{member.Slug}/federations");
        var refused = await member.Founder.Http.PostAsync($"/groups/{member.Slug}/federations?handler=Leave&federation={otherId}", new FormUrlEncodedContent(Fields(
            ("__RequestVerificationToken", page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!))));
        Assert.Contains("The group is not a member of that federation.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await Server.WithDbAsync(db => db.GroupLog.CountAsync(l => l.GroupId == otherId && l.Action == "lost a member group")));
    }

    [Fact]
    public async Task Candidates_and_replacements_must_be_members_of_the_group()
    {
        var tenants = await GroupAsync("Careful tenants", "Assembly", 1);
        var council = await GroupAsync("Careful council", "Federation", 0);
        await JoinAsync(tenants, council);
        var stranger = await Server.NewMemberAsync("Not-a-tenant");
        var councilId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == council.Slug).Select(g => g.Id).SingleAsync());
        var election = await tenants.Founder.SubmitAsync(await tenants.Founder.GetAsync($"/groups/{tenants.Slug}/federations"), $"form[action*='Elect'][action*='{councilId}']",
            Fields(("candidates", "Careful tenants-member-0\nNot-a-tenant"), ("seats", "1"), ("ClosesAt", Deadline(80))));
        Assert.Contains("Delegates are members of the group; not members: Not-a-tenant.", election.Text);

        await SeatAsync(council, tenants, "Careful tenants-member-0");
        var delegation = await Server.WithDbAsync(db => db.Delegations.SingleAsync(d => d.FederationId == councilId && d.Until == null));
        var strangerId = await Server.WithDbAsync(db => db.Users.Where(u => u.UserName == "Not-a-tenant").Select(u => u.Id).SingleAsync());
        var recall = await tenants.Founder.SubmitAsync(await tenants.Founder.GetAsync($"/groups/{tenants.Slug}/federations"), $"form[action*='Recall'][action*='{delegation.Id}']",
            Fields(("replacement", strangerId.ToString()), ("reason", "Testing."), ("ClosesAt", Deadline(80))));
        Assert.Contains("The person taking over must be a member of the group.", recall.Text);
        Assert.DoesNotContain("Not-a-tenant takes over", recall.Text);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => db.Groups.Any(g => g.Id == d.GroupId && g.Slug == tenants.Slug) && d.Status == DecisionStatus.Open)));
        stranger.Dispose();
    }

    [Fact]
    public async Task Asking_to_join_twice_at_once_leaves_one_request_and_no_error()
    {
        var member = await GroupAsync("Tapping crew", "Assembly", 0);
        var federation = await GroupAsync("Tapping federation", "Federation", 0);
        var answers = await member.Founder.TapAsync(await member.Founder.GetAsync($"/groups/{member.Slug}/federations"), "form[action*='Apply']", Fields(("federation", federation.Slug)));
        Assert.All(answers, answer => Assert.True((int)answer.StatusCode < 500, answer.StatusCode.ToString()));
        Assert.Equal(1, await Server.WithDbAsync(db => db.FederationApplications.CountAsync(a => db.Groups.Any(g => g.Id == a.FederationId && g.Slug == federation.Slug))));
    }

    [Fact]
    public async Task An_endorsed_proposal_that_cannot_open_yet_is_opened_by_housekeeping_later()
    {
        var member = await GroupAsync("Patient block", "Assembly", 1);
        var federation = await GroupAsync("Patient federation", "Federation", 0);
        await JoinAsync(member, federation);
        await SeatAsync(federation, member, "Patient block-member-0");
        var federationId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == federation.Slug).Select(g => g.Id).SingleAsync());
        // The federation's rulebook wants proposals discussed for 100 hours; the group decides in 31.
        await Server.WithDbAsync(async db =>
        {
            var current = await db.Rulebooks.SingleAsync(r => r.GroupId == federationId);
            current.ClassesJson = Rulebook.Serialize(current.Classes.Select(c => c with { MinDiscussionHours = 100 }));
            return await db.SaveChangesAsync();
        });
        var sent = await member.Founder.SubmitAsync(await member.Founder.GetAsync($"/groups/{member.Slug}/federations"), $"form[action*='Escalate'][action*='{federationId}']",
            Fields(("title", "Bulk buying"), ("text", "The federation buys in bulk."), ("ClosesAt", Deadline(30))));
        foreach (var person in member.Everyone) await VoteAsync(person, sent.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(31));
        var closed = await member.Founder.GetAsync(sent.Path);
        Assert.Equal(System.Net.HttpStatusCode.OK, closed.Status);
        Assert.Contains("Outcome: passed", closed.Text);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => d.GroupId == federationId)));

        Server.Clock.Advance(TimeSpan.FromHours(70));
        await Server.RunHousekeepingAsync();
        Assert.Equal(1, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => d.GroupId == federationId)));
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains("Bulk buying"));
    }

    [Fact]
    public async Task A_refused_proposal_form_stays_open_with_what_was_typed()
    {
        var member = await GroupAsync("Typing block", "Assembly", 0);
        var federation = await GroupAsync("Typing federation", "Federation", 0);
        await JoinAsync(member, federation);
        var federationId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == federation.Slug).Select(g => g.Id).SingleAsync());
        var refused = await member.Founder.SubmitAsync(await member.Founder.GetAsync($"/groups/{member.Slug}/federations"), $"form[action*='Escalate'][action*='{federationId}']",
            Fields(("title", "Half a thought"), ("text", "   "), ("ClosesAt", Deadline(30))));
        Assert.Contains("Give the proposal a title and say what it is.", refused.Text);
        var open = refused.Document.QuerySelector("details[open] form[action*='Escalate']");
        Assert.Equal("Half a thought", open?.QuerySelector("[name=title]")?.GetAttribute("value"));
        Assert.Null(refused.Document.QuerySelector("details[open] form[action*='Elect']"));
    }

    [Fact]
    public async Task A_group_can_name_its_delegate_by_a_rotating_role_and_the_seat_moves_with_the_term()
    {
        var tenants = await GroupAsync("Rotating tenants", "Assembly", 1);
        var council = await GroupAsync("Rotating council", "Federation", 0);
        await JoinAsync(tenants, council);
        var councilId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == council.Slug).Select(g => g.Id).SingleAsync());
        var roles = await tenants.Founder.SubmitAsync(await tenants.Founder.GetAsync($"/groups/{tenants.Slug}/roles"), "form[action*='Create']",
            Fields(("name", "spokesperson"), ("termDays", "7")));
        await tenants.Founder.SubmitAsync(roles, "form[action*='HandOver']");
        var roleId = await Server.WithDbAsync(db => db.RotatingRoles.Where(r => r.Name == "spokesperson" && db.Groups.Any(g => g.Id == r.GroupId && g.Slug == tenants.Slug)).Select(r => r.Id).SingleAsync());

        var page = await tenants.Founder.GetAsync($"/groups/{tenants.Slug}/federations");
        Assert.Contains("Chosen by election", page.Document.QuerySelector("[data-testid=delegate-choice]")!.TextContent);
        var chosen = await tenants.Founder.SubmitAsync(page, $"form[action*='DelegateBy'][action*='{councilId}']", Fields(("role", roleId.ToString())));
        Assert.Contains("Chosen by rotation: whoever holds the spokesperson role", chosen.Text);
        Assert.Contains("Our delegates: Rotating tenants-founder (since", chosen.Text);
        Assert.Contains("by rotation", chosen.Text);

        // The next term goes to the member; when it starts, the seat moves, and the group's log says so.
        await tenants.Founder.SubmitAsync(await tenants.Founder.GetAsync($"/groups/{tenants.Slug}/roles"), "form[action*='HandOver']");
        Server.Clock.Advance(TimeSpan.FromDays(7.5));
        await Server.RunHousekeepingAsync();
        var seats = await Server.WithDbAsync(db => db.Delegations.Where(d => d.FederationId == councilId).Include(d => d.User).OrderBy(d => d.Since).ToListAsync());
        Assert.Equal(["Rotating tenants-founder", "Rotating tenants-member-0"], seats.Select(d => d.User!.UserName));
        Assert.NotNull(seats[0].Until);
        Assert.Equal((DelegateChoice.Rotation, (DateTimeOffset?)null), (seats[1].ChosenBy, seats[1].Until));
        Assert.Contains("Rotating tenants-member-0 (by rotation)", (await council.Founder.GetAsync($"/groups/{council.Slug}/federations")).Text);
        Assert.True(await Server.WithDbAsync(db => db.GroupLog.AnyAsync(l => l.Action == "delegate changed with the role's term" && l.Detail!.Contains("Rotating tenants-member-0"))));
    }
}
