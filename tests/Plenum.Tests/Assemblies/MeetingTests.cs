using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR.Client;
using Plenum.Decisions;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Assemblies;

/// <summary>An assembly meets: check-in, speakers' queue with a progressive stack, hand signals, a live vote with quorum from attendance, minutes approved by the group.</summary>
public sealed class MeetingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    static IEnumerable<string> Speakers(WebSession.Page page) =>
        page.Document.QuerySelectorAll("#queue ~ ol li").Select(li => li.TextContent.Trim().Split([' ', '\n'], 2)[0]);

    [Fact]
    public async Task A_meeting_runs_its_agenda_and_decides_with_quorum_from_those_present()
    {
        var founder = await Server.NewMemberAsync("Plaza-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, Fields(("Form.Name", "Plaza assembly"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var members = new List<WebSession>();
        for (var i = 0; i < 4; i++)
        {
            var member = await Server.NewMemberAsync($"Plaza-{i}");
            await member.SubmitAsync(await member.GetAsync($"/groups/{slug}"), "form[action*='Join']");
            members.Add(member);
        }
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']", Fields(("template", "majority-quorum")));
        // Quorum 1/2 of the 5 members, counted from attendance; only those present vote.
        await Server.WithDbAsync(async db =>
        {
            var rulebook = await db.Rulebooks.SingleAsync(r => db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug));
            rulebook.ClassesJson = Rulebook.Serialize(rulebook.Classes.Select(c => c with { QuorumNumerator = 1, QuorumDenominator = 2, QuorumOfPresent = true, AbsentMembersVote = false, MinVotingHours = 1 }));
            return await db.SaveChangesAsync();
        });

        var scheduled = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Plaza assembly, May"),
            ("StartsAt", Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")), ("Mode", "InPerson"), ("Place", "The plaza"), ("Agenda", "Benches\nMarket day")));
        var path = scheduled.Path;
        foreach (var person in members.Take(2).Prepend(founder)) await person.SubmitAsync(await person.GetAsync(path), "form[action*='CheckIn']");
        Assert.Contains("3 present", (await founder.GetAsync(path)).Text);
        var started = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='GoTo']");
        Assert.Contains("Now: Benches", started.Text);

        // Progressive stack: someone who has spoken on the item waits behind first-time speakers.
        await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='Queue']");
        var queue = await founder.GetAsync(path);
        await founder.SubmitAsync(queue, "form[action*='Done']");
        await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='Queue']");
        await members[1].SubmitAsync(await members[1].GetAsync(path), "form[action*='Queue']");
        Assert.Equal(["Plaza-1", "Plaza-0"], Speakers(await founder.GetAsync(path)));
        var moved = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Move'][action*='by=1']");
        Assert.Equal(["Plaza-0", "Plaza-1"], Speakers(moved));

        await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='Signal']", Fields(("signal", "ClarifyingQuestion")));
        await members[1].SubmitAsync(await members[1].GetAsync(path), "form[action*='Signal']", Fields(("signal", "Agree")));
        await members[1].SubmitAsync(await members[1].GetAsync(path), "form[action*='Signal']", Fields(("signal", "Block")));
        var signals = await founder.GetAsync(path);
        Assert.Equal("question: 1", signals.Document.QuerySelector("[data-signal=ClarifyingQuestion]")!.TextContent);
        Assert.Equal("agree: 0", signals.Document.QuerySelector("[data-signal=Agree]")!.TextContent);
        Assert.Equal("block: 1", signals.Document.QuerySelector("[data-signal=Block]")!.TextContent);

        var vote = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='PutToVote']", Fields(("classKey", "general"), ("title", "Two new benches"), ("text", "We ask the city for two benches.")));
        var decisionPath = vote.Document.QuerySelector("#current-item ~ p a")!.GetAttribute("href")!;
        var absent = await members[3].SubmitAsync(await members[3].GetAsync(decisionPath), "form[action*='Vote']", Fields(("Position", "disagree")));
        Assert.Contains("only members checked in at the meeting vote on this", absent.Text);
        foreach (var person in members.Take(2).Prepend(founder))
            await person.SubmitAsync(await person.GetAsync(decisionPath), "form[action*='Vote']", Fields(("Position", "agree")));
        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Notes']", Fields(("notes", "The city owes us benches since last year.")));
        var closed = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='CloseVote']");
        Assert.Contains("outcome: passed", closed.Text);
        var explanation = await Server.WithDbAsync(db => db.Decisions.Where(d => d.MeetingId != null && d.Status == DecisionStatus.Closed).Select(d => d.OutcomeExplanation!).ToListAsync());
        Assert.Contains(explanation, e => e.Contains("3 members present at the meeting; quorum of 3 met"));

        var minutes = await members[2].GetAsync($"{path}/minutes");
        Assert.Contains("The city owes us benches since last year.", minutes.Text);
        Assert.Contains("Decided: \"Two new benches\" passed.", minutes.Text);
        Assert.Contains("Present: Plaza-0, Plaza-1, Plaza-founder.", minutes.Text);
        Assert.Contains("draft", minutes.Text);
        var approval = await founder.SubmitAsync(await founder.GetAsync($"{path}/minutes"), "form[action*='Propose']");
        foreach (var person in members.Prepend(founder)) await person.SubmitAsync(await person.GetAsync(approval.Path), "form[action*='Vote']", Fields(("Position", "agree")));
        Server.Clock.Advance(TimeSpan.FromHours(73));
        Assert.Contains("approved", (await members[3].GetAsync($"{path}/minutes")).Text);
    }

    [Fact]
    public async Task An_instance_admin_who_is_not_a_member_cannot_put_minutes_to_the_group()
    {
        var founder = await Server.NewMemberAsync("Minutes-admin-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, Fields(("Form.Name", "Minutes admin assembly"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']", Fields(("template", "majority-quorum")));
        var scheduled = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Quiet meeting"),
            ("StartsAt", Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")), ("Mode", "InPerson"), ("Place", "The hall"), ("Agenda", "Anything")));
        var refused = await fixture.Admin.SubmitAsync(await fixture.Admin.GetAsync($"{scheduled.Path}/minutes"), "form[action*='Propose']");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => db.Groups.Any(g => g.Id == d.GroupId && g.Slug == slug))));
    }

    [Fact]
    public async Task A_double_tap_on_check_in_or_a_hand_signal_counts_once_without_an_error()
    {
        var founder = await Server.NewMemberAsync("Tap-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, Fields(("Form.Name", "Tap assembly"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var scheduled = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Tapping meeting"),
            ("StartsAt", Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")), ("Mode", "InPerson"), ("Place", "The hall"), ("Agenda", "Taps")));
        var path = scheduled.Path;
        var checkIns = await founder.TapAsync(await founder.GetAsync(path), "form[action*='CheckIn']");
        Assert.All(checkIns, answer => Assert.True((int)answer.StatusCode < 500, answer.StatusCode.ToString()));
        Assert.Contains("1 present", (await founder.GetAsync(path)).Text);

        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='GoTo']");
        var page = await founder.GetAsync(path);
        var signals = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => founder.SubmitAsync(page, "form[action*='Signal']", Fields(("signal", "Agree")))));
        Assert.All(signals, answer => Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status));
        Assert.Equal("agree: 1", (await founder.GetAsync(path)).Document.QuerySelector("[data-signal=Agree]")!.TextContent);
    }

    [Fact]
    public async Task A_meeting_refuses_what_no_longer_fits_with_a_message()
    {
        var founder = await Server.NewMemberAsync("Guard-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, Fields(("Form.Name", "Guarded assembly"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']", Fields(("template", "majority-quorum")));
        await Server.WithDbAsync(async db =>
        {
            var rulebook = await db.Rulebooks.SingleAsync(r => db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug));
            rulebook.ClassesJson = Rulebook.Serialize(rulebook.Classes.Select(c => c with { QuorumNumerator = 0, AbsentMembersVote = false, MinVotingHours = 1 }));
            return await db.SaveChangesAsync();
        });
        var now = Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm");
        var badLink = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Online one"), ("StartsAt", now), ("Mode", "Online"), ("OnlineLink", "javascript:alert(1)")));
        Assert.Contains("The online link must start with https:// (or http://).", badLink.Text);

        var path = (await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Guarded meeting"), ("StartsAt", now), ("Mode", "InPerson"), ("Place", "The hall"), ("Agenda", "Budget\nGarden")))).Path;
        Assert.Contains("Nobody checked in.", (await founder.GetAsync($"{path}/minutes")).Text);
        var beforeStart = await founder.GetAsync(path);
        await founder.SubmitAsync(beforeStart, "form[action*='GoTo']");
        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Notes']", Fields(("notes", new string('a', 15_000))));
        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='GoTo']");
        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Notes']", Fields(("notes", new string('b', 15_000))));
        var beforeVote = await founder.GetAsync(path);
        await founder.SubmitAsync(beforeVote, "form[action*='PutToVote']", Fields(("classKey", "general"), ("title", "Plant trees"), ("text", "We plant two trees.")));
        var twice = await founder.SubmitAsync(beforeVote, "form[action*='PutToVote']", Fields(("classKey", "general"), ("title", "Plant more trees"), ("text", "We plant four trees.")));
        Assert.Contains("This item has its vote already.", twice.Text);

        var tooLong = await founder.SubmitAsync(await founder.GetAsync($"{path}/minutes"), "form[action*='Propose']");
        Assert.Contains("has at most 20,000", tooLong.Text);
        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Notes']", Fields(("notes", "Short.")));
        var proposed = await founder.SubmitAsync(await founder.GetAsync($"{path}/minutes"), "form[action*='Propose']");
        Assert.Contains("/decisions/", proposed.Path);
        var lateNotes = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Notes']", Fields(("notes", "Changed afterwards.")));
        Assert.Contains("their notes no longer change", lateNotes.Text);

        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='End']");
        var afterEnd = await founder.SubmitAsync(beforeStart, "form[action*='GoTo']");
        Assert.Contains("The meeting has ended.", afterEnd.Text);

        await Server.WithDbAsync(async db =>
        {
            (await db.Groups.SingleAsync(g => g.Slug == slug)).ArchivedAt = Server.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        var archived = await founder.SubmitAsync(beforeStart, "form[action*='CheckIn']");
        Assert.Contains("The group is archived", archived.Text);
    }

    [Fact]
    public async Task Only_plenums_own_pages_may_listen_to_a_meeting()
    {
        var founder = await Server.NewMemberAsync("Origin-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, Fields(("Form.Name", "Origin assembly"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var scheduled = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Listening meeting"),
            ("StartsAt", Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")), ("Mode", "InPerson"), ("Place", "The hall"), ("Agenda", "Listening")));
        var meetingId = Guid.Parse(scheduled.Path.Split('/')[^1]);
        HubConnection Listener(string origin) => new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, Plenum.Assemblies.MeetingHub.Path), options => { options.Cookies = founder.Cookies; options.Headers["Origin"] = origin; })
            .Build();

        // The founder's own cookie, but carried by another site's page.
        await using var hijacked = Listener("https://elsewhere.example");
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await hijacked.StartAsync();
            await hijacked.InvokeAsync("Watch", meetingId);
        });
        await using var own = Listener(Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        await own.StartAsync();
        await own.InvokeAsync("Watch", meetingId);
    }
}
