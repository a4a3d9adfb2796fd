using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plenum.Decisions;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Decisions.DecisionSteps;

namespace Plenum.Tests.Decisions;

/// <summary>Proposals decided by the group's rulebook through the web pages: opened, voted, closed and declared by Plenum.</summary>
public sealed class DecisionFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    DecisionSteps Steps => new(Server);

    async Task<string> ProposeAsync(WebSession who, string slug, string title, bool secret = false, string classKey = "general", string? template = null, double hours = 48)
    {
        var fields = Fields(("ClassKey", classKey), ("Title", title), ("Text", "We agree to " + title.ToLowerInvariant() + "."),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(hours).ToString("yyyy-MM-ddTHH:mm")));
        if (secret) fields["Secret"] = "true";
        if (template is not null) fields["ProposedTemplate"] = template;
        var opened = await who.SubmitAsync(await who.GetAsync($"/groups/{slug}/decisions/new"), null, fields);
        Assert.True(opened.Path.Contains("/decisions/") && !opened.Path.EndsWith("/new"), opened.Text);
        return opened.Path;
    }

    static async Task<WebSession.Page> VoteAsync(WebSession who, string path, string position, string? reason = null, string? receipt = null)
    {
        var fields = Fields(("Position", position), ("Reason", reason ?? ""));
        if (receipt is not null) fields["Receipt"] = receipt;
        return await who.SubmitAsync(await who.GetAsync(path), "form[action*='Vote']", fields);
    }

    [Fact]
    public async Task A_consent_proposal_passes_unless_blocked_and_enters_the_register()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Consent crew", "consent-circle", 3);
        var path = await ProposeAsync(founder, slug, "Meet on Tuesdays");

        var bare = await VoteAsync(members[0], path, "block");
        Assert.Contains("a block needs a stated reason", bare.Text);
        Assert.Contains("The count shows once you have voted", (await members[1].GetAsync(path)).Text);
        await VoteAsync(members[1], path, "disagree", "Tuesdays are hard for me");
        await VoteAsync(founder, path, "agree");
        var changed = await VoteAsync(members[1], path, "agree");
        Assert.Contains("Your vote is recorded", changed.Text);
        Assert.Equal("agree", await Server.WithDbAsync(db => db.OpenVotes.Where(v => v.User!.UserName == "Consent crew-member-1").Select(v => v.Position).SingleAsync()));
        Assert.Contains("disagree@", await Server.WithDbAsync(db => db.OpenVotes.Where(v => v.User!.UserName == "Consent crew-member-1").Select(v => v.History!).SingleAsync()));

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await members[2].GetAsync(path);
        Assert.Contains("Outcome: passed", closed.Text);
        Assert.Contains("rulebook version 1", closed.Text);
        Assert.Null(await Server.WithDbAsync(db => db.OpenVotes.Where(v => v.User!.UserName == "Consent crew-member-1").Select(v => v.History).SingleAsync()));
        Assert.Null(closed.Document.QuerySelector("form[action*='Vote']"));

        var register = await founder.GetAsync($"/groups/{slug}/agreements");
        Assert.Contains("Meet on Tuesdays", register.Text);
        var json = JsonDocument.Parse((await founder.GetAsync($"/groups/{slug}/agreements?format=json")).Html);
        Assert.Equal("InForce", json.RootElement[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_block_stops_a_consent_proposal_and_plenum_says_why()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Blocked crew", "consent-circle", 2);
        var path = await ProposeAsync(founder, slug, "Sell the van");
        await VoteAsync(founder, path, "agree");
        await VoteAsync(members[0], path, "block", "We need the van for deliveries");
        Server.Clock.Advance(TimeSpan.FromHours(49));
        await Server.RunHousekeepingAsync();
        var closed = await members[1].GetAsync(path);
        Assert.Contains("Outcome: did not pass", closed.Text);
        Assert.Contains("block", closed.Document.QuerySelector("#outcome")!.ParentElement!.TextContent);
        Assert.DoesNotContain("Sell the van", (await founder.GetAsync($"/groups/{slug}/agreements")).Text);
    }

    [Fact]
    public async Task Rules_refuse_what_the_rulebook_does_not_allow()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Strict local", "democratic-centralism", 1);
        var form = await founder.GetAsync($"/groups/{slug}/decisions/new");
        var secret = await founder.SubmitAsync(form, null, Fields(("ClassKey", "general"), ("Title", "Secret thing"), ("Text", "x"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm")), ("Secret", "true")));
        Assert.Contains("forbids secret ballots", secret.Text);
        var tooShort = await founder.SubmitAsync(form, null, Fields(("ClassKey", "general"), ("Title", "Quick thing"), ("Text", "x"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(1).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("at least 24 hours", tooShort.Text);
        var tooNew = await members[0].SubmitAsync(await members[0].GetAsync($"/groups/{slug}/decisions/new"), null, Fields(("ClassKey", "money"), ("Title", "Buy paint"), ("Text", "x"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("members for 7 days", tooNew.Text);
        Assert.Equal(0, await Server.WithDbAsync(db => db.Decisions.CountAsync(d => d.Title == "Buy paint" || d.Title == "Secret thing" || d.Title == "Quick thing")));
    }

    [Fact]
    public async Task A_passed_rulebook_change_adopts_a_new_version_and_later_decisions_follow_it()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Changing circle", "consent-circle", 1);
        Server.Clock.Advance(TimeSpan.FromDays(15)); // "rulebook" proposers must have been members 14 days
        var path = await ProposeAsync(founder, slug, "Switch to majority voting", classKey: "rulebook", template: "majority-quorum", hours: 96);
        await VoteAsync(founder, path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(97));
        Assert.Contains("Outcome: passed", (await founder.GetAsync(path)).Text);
        var rulebook = await founder.GetAsync($"/groups/{slug}/rulebook");
        Assert.Contains("Version 2 (Majority with quorum", rulebook.Text);
        var next = await ProposeAsync(founder, slug, "Paint the door");
        Assert.Contains("rulebook version 2", (await members[0].GetAsync(next)).Text);
    }

    [Fact]
    public async Task Secret_ballots_cannot_be_linked_to_voters_and_receipts_verify_and_change_them()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Secret circle", "consent-circle", 3);
        var path = await ProposeAsync(founder, slug, "Elect a treasurer", secret: true);
        var decisionId = Guid.Parse(path.Split('/')[^1]);

        var receipts = new List<string>();
        IReadOnlyList<Guid> idsBefore = [];
        foreach (var (voter, position) in new[] { (founder, "agree"), (members[0], "disagree"), (members[1], "agree") })
        {
            var page = await VoteAsync(voter, path, position);
            receipts.Add(page.Document.QuerySelector("[data-testid=receipt]")!.TextContent.Trim());
            var idsAfter = await Server.WithDbAsync(db => db.SecretBallots.Where(b => b.DecisionId == decisionId).Select(b => b.Id).ToListAsync());
            Assert.Empty(idsAfter.Intersect(idsBefore)); // the whole box is rewritten with every ballot
            idsBefore = idsAfter;
        }

        // What the database holds: who voted, and ballots with no user, no time and no order to match them by.
        Assert.Equal(3, await Server.WithDbAsync(db => db.VoterRoll.CountAsync(v => v.DecisionId == decisionId)));
        var ballotColumns = await Server.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SecretBallot))!.GetProperties().Select(p => p.Name).ToList()));
        // Weight is 1 unless the class weighs votes (the rulebook form warns that a unique weight can identify a voter).
        Assert.Equal(["Id", "DecisionId", "Position", "Reason", "ReceiptHash", "Weight"], ballotColumns);
        Assert.All(await Server.WithDbAsync(db => db.SecretBallots.Where(b => b.DecisionId == decisionId).Select(b => b.Weight).ToListAsync()), w => Assert.Equal(1, w));

        var again = await VoteAsync(members[0], path, "agree");
        Assert.Contains("give the receipt code", again.Text);
        var changed = await VoteAsync(members[0], path, "agree", receipt: receipts[1]);
        Assert.Contains("Your vote is recorded", changed.Text);
        var check = await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='CheckReceipt']", Fields(("Receipt", receipts[1])));
        Assert.Contains("counted as \"agree\"", check.Text);

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await members[2].GetAsync(path);
        Assert.Contains("Outcome: passed", closed.Text);
        Assert.DoesNotContain("Who said what", closed.Text);
    }

    [Fact]
    public async Task A_ranked_choice_is_counted_by_instant_runoff_and_the_choice_enters_the_register()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Ranking crew", "majority-quorum", 4);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "Name for the newsletter", "RankedChoice", "The Plenum\nRent Strike News\nOur Street");
        // First choices: 2 for The Plenum, 2 for Our Street, 1 for Rent Strike News, whose voter prefers Our Street next.
        await RankAsync(founder, path, 1, 0, 2);
        await RankAsync(members[0], path, 1, 2, 0);
        await RankAsync(members[1], path, 0, 0, 1);
        await RankAsync(members[2], path, 2, 0, 1);
        await RankAsync(members[3], path, 0, 1, 2);
        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        Assert.Contains("Chosen: Our Street", closed.Text);
        Assert.Contains("Outcome: passed", closed.Text);
        Assert.Contains("Chosen: Our Street", (await founder.GetAsync($"/groups/{slug}/agreements")).Text);

        // Anyone can recount the anonymised ballots with the same engine `plenum tally` uses.
        var blt = await founder.Http.GetByteArrayAsync(path + "?handler=Ballots");
        var election = Plenum.Counting.Parsers.BltReader.Read(new MemoryStream(blt), "ballots.blt");
        Assert.Equal(5, election.TotalBallots);
        Assert.Equal(["Our Street"], Plenum.Counting.Irv.IrvCount.Run(election, new Plenum.Counting.Irv.IrvRules()).Winners);
    }

    [Fact]
    public async Task A_poll_with_several_choices_is_counted_by_approval_and_choices_are_checked()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Poll crew", "majority-quorum", 2);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "What to bring", "Poll", "Bread\nSoup\nMusic", maxChoices: 2);
        var first = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Vote']", new Dictionary<string, string> { ["Chosen"] = "0" });
        Assert.Contains("Your vote is recorded", first.Text);
        foreach (var (member, choice) in new[] { (members[0], "1"), (members[1], "1") })
            await member.SubmitAsync(await member.GetAsync(path), "form[action*='Vote']", new Dictionary<string, string> { ["Chosen"] = choice });
        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        Assert.Contains("Chosen: Soup", closed.Text);
        Assert.Contains("approval", closed.Text);
    }

    [Fact]
    public async Task A_class_refuses_a_ballot_kind_its_rulebook_does_not_allow()
    {
        var (slug, founder, _) = await Steps.GroupAsync("Statement crew", "majority-quorum", 1);
        var refused = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions/new"), null, Fields(
            ("ClassKey", "statements"), ("Type", "Poll"), ("Title", "Which slogan"), ("Text", "x"), ("Options", "A\nB"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(96).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("cannot be a poll", refused.Text);
        var oneOption = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions/new"), null, Fields(
            ("ClassKey", "general"), ("Type", "RankedChoice"), ("Title", "Only one"), ("Text", "x"), ("Options", "A"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("at least two options", oneOption.Text);
    }

    [Fact]
    public async Task Where_the_rulebook_asks_for_debate_first_a_proposal_comes_from_a_discussion_open_long_enough()
    {
        var (slug, founder, _) = await Steps.GroupAsync("Debating local", "democratic-centralism", 1);
        var closesAt = () => Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm");
        var bare = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions/new"), null,
            Fields(("ClassKey", "general"), ("Title", "Strike in May"), ("Text", "We strike in May."), ("ClosesAt", closesAt())));
        Assert.Contains("comes from a discussion that has been open at least 48 hours", bare.Text);

        var thread = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/discussions/new"), null,
            Fields(("Form.Title", "Should we strike in May?"), ("Form.Body", "Let us weigh it.")));
        var proposeLink = thread.Document.QuerySelector("a[href*='/decisions/new?discussion=']")!.GetAttribute("href")!;
        var early = await founder.SubmitAsync(await founder.GetAsync(proposeLink), null,
            Fields(("ClassKey", "general"), ("Text", "We strike in May."), ("ClosesAt", closesAt())));
        Assert.Contains("open at least 48 hours", early.Text);

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var form = await founder.GetAsync(proposeLink);
        Assert.Equal("Should we strike in May?", form.Document.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        var opened = await founder.SubmitAsync(form, null, Fields(("ClassKey", "general"), ("Text", "We strike in May."), ("ClosesAt", closesAt())));
        Assert.Contains("Your proposal is open for a vote", opened.Text);
        Assert.Contains("Grew out of", opened.Text);
    }

    [Fact]
    public async Task A_meeting_time_poll_picks_the_time_most_can_come_to_and_offers_it_as_an_event()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Time crew", "majority-quorum", 2);
        var opened = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions/new"), null, Fields(
            ("ClassKey", "general"), ("Type", "TimePoll"), ("Title", "Next assembly"), ("Text", "When do we meet?"),
            ("Options", "2026-12-03 18:30\n2026-12-04 19:00"), ("TimeZone", "Europe/Berlin"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("Times are in Europe/Berlin", opened.Text);
        var path = opened.Path;
        var half = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Vote']", Fields(("Availability[0]", "2")));
        Assert.Contains("Answer yes, if need be or no for every time", half.Text);
        foreach (var (who, first, second) in new[] { (founder, "2", "1"), (members[0], "0", "2"), (members[1], "1", "2") })
        {
            var voted = await who.SubmitAsync(await who.GetAsync(path), "form[action*='Vote']", Fields(("Availability[0]", first), ("Availability[1]", second)));
            Assert.Contains("Your vote is recorded", voted.Text);
        }
        var badZone = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions/new"), null, Fields(
            ("ClassKey", "general"), ("Type", "TimePoll"), ("Title", "Bad times"), ("Text", "x"), ("Options", "tomorrow\nlater"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("Write each time as yyyy-MM-dd HH:mm", badZone.Text);

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await members[0].GetAsync(path);
        Assert.Contains("Chosen time: 2026-12-04 19:00", closed.Text);
        var ics = await members[0].Http.GetStringAsync(path + "?handler=Ics");
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("SUMMARY:Next assembly", ics);
        Assert.Contains("DTSTART:20261204T180000Z", ics); // 19:00 in Berlin is 18:00 UTC in December
    }

    [Theory]
    [InlineData("Score", "5,1,0|4,2,0|0,5,5", "Flyers")]   // totals 9, 8, 5
    [InlineData("DotVote", "3,2,0|0,5,0|4,0,1", "Flyers")] // totals 7, 7, 1: a tie, broken by lot (seed 0) and recorded
    public async Task Scores_and_dots_are_counted_and_limits_are_checked(string type, string ballots, string expectedLeader)
    {
        var (slug, founder, members) = await Steps.GroupAsync($"{type} crew", "majority-quorum", 2);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "Outreach", type, "Flyers\nPosters\nRadio");
        var tooMuch = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='Vote']", Fields(("Points[0]", "6"), ("Points[1]", "0"), ("Points[2]", "0")));
        Assert.Contains("between 0 and 5", tooMuch.Text);
        var voters = new[] { founder, members[0], members[1] };
        var rows = ballots.Split('|');
        for (var v = 0; v < voters.Length; v++)
        {
            var numbers = rows[v].Split(',');
            var page = await voters[v].SubmitAsync(await voters[v].GetAsync(path), "form[action*='Vote']",
                Fields(("Points[0]", numbers[0]), ("Points[1]", numbers[1]), ("Points[2]", numbers[2])));
            Assert.Contains("Your vote is recorded", page.Text);
        }
        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        Assert.Contains("Outcome: passed", closed.Text);
        if (type == "Score") Assert.Contains($"Chosen: {expectedLeader}", closed.Text);
        else Assert.Matches("Chosen: (Flyers|Posters)", closed.Text);
    }

    [Fact]
    public async Task Where_objections_need_reasons_a_bare_objection_is_refused()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Sociocratic circle", "sociocratic-consent", 1);
        var path = await ProposeAsync(founder, slug, "Open the pantry on Sundays");
        Assert.Contains("an objection gives its reason", (await VoteAsync(members[0], path, "disagree")).Text);
        Assert.Contains("Your vote is recorded", (await VoteAsync(members[0], path, "disagree", "Nobody can staff it")).Text);
        Assert.Contains("Your vote is recorded", (await VoteAsync(founder, path, "agree")).Text);
    }

    [Fact]
    public async Task A_passed_decision_can_replace_an_agreement_and_agreements_come_up_for_review()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Register crew", "consent-circle", 1);
        var first = await ProposeAsync(founder, slug, "Dues are 5 a month");
        await VoteAsync(founder, first, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(49));
        Assert.Contains("Outcome: passed", (await founder.GetAsync(first)).Text);
        var firstDecision = Guid.Parse(first.Split('/')[^1]);
        var agreementId = await Server.WithDbAsync(db => db.Agreements.Where(a => a.DecisionId == firstDecision).Select(a => a.Id).SingleAsync());

        var form = await founder.GetAsync($"/groups/{slug}/decisions/new");
        var second = await founder.SubmitAsync(form, null, Fields(("ClassKey", "general"), ("Title", "Dues are 3 a month"), ("Text", "Lower dues."),
            ("ReplacesAgreementId", agreementId.ToString()), ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm"))));
        await VoteAsync(members[0], second.Path, "agree");
        Server.Clock.Advance(TimeSpan.FromHours(49));
        Assert.Contains("Outcome: passed", (await founder.GetAsync(second.Path)).Text);
        var register = await founder.GetAsync($"/groups/{slug}/agreements");
        Assert.Contains("superseded", register.Text);
        Assert.Contains("Replaces “Dues are 5 a month”", register.Text);

        Server.Clock.Advance(TimeSpan.FromDays(370));
        await Server.RunHousekeepingAsync();
        using var ayearlater = Server.NewSession(); // the old session cookie has long expired
        await ayearlater.LoginAsync("Register crew-founder");
        Assert.Contains("under review", (await ayearlater.GetAsync($"/groups/{slug}/agreements")).Text);
    }

    async Task<string> OpenKindAsync(WebSession who, string slug, string type, string title, int points = 5, bool secret = false)
    {
        var fields = Fields(("ClassKey", "general"), ("Type", type), ("Title", title), ("Text", title + "?"), ("Points", points.ToString()),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm")));
        if (secret) fields["Secret"] = "true";
        var opened = await who.SubmitAsync(await who.GetAsync($"/groups/{slug}/decisions/new"), null, fields);
        Assert.True(opened.Path.Contains("/decisions/") && !opened.Path.EndsWith("/new"), opened.Text);
        return opened.Path;
    }

    [Fact]
    public async Task Sense_checks_question_rounds_and_sign_ups_count_what_they_should_and_bind_only_when_they_should()
    {
        var (slug, founder, members) = await Steps.GroupAsync("Kinds crew", "majority-quorum", 2);
        var sense = await OpenKindAsync(founder, slug, "SenseCheck", "Should we look into a food co-op");
        var question = await OpenKindAsync(founder, slug, "QuestionRound", "What worries you about the rent", secret: true);
        var signUp = await OpenKindAsync(founder, slug, "SignUp", "Door knocking on Saturday", points: 2);

        await VoteAsync(founder, sense, "agree");
        await VoteAsync(members[0], sense, "disagree");
        Assert.Contains("Write your answer", (await VoteAsync(members[0], question, "answer")).Text);
        await VoteAsync(members[0], question, "answer", "The heating never works");
        await VoteAsync(members[1], question, "answer", "Mould in the bathroom");
        await VoteAsync(founder, signUp, "I'm in");
        await VoteAsync(members[1], signUp, "I'm in");
        await VoteAsync(members[0], signUp, "not this time");

        Server.Clock.Advance(TimeSpan.FromHours(49));
        var senseClosed = await founder.GetAsync(sense);
        Assert.Contains("binds no one", senseClosed.Text);
        var questionClosed = await founder.GetAsync(question);
        Assert.Contains("Mould in the bathroom", questionClosed.Text);
        Assert.Contains("no names", questionClosed.Text);
        var signUpClosed = await founder.GetAsync(signUp);
        Assert.Contains("The target of 2 is reached", signUpClosed.Text);
        var register = await founder.GetAsync($"/groups/{slug}/agreements");
        Assert.Contains("Door knocking on Saturday", register.Text);
        Assert.DoesNotContain("food co-op", register.Text);
        Assert.DoesNotContain("rent", register.Text);
    }

    [Theory]
    [InlineData("majority-quorum", "stv-scottish")]
    [InlineData("consent-circle", "meek")]
    public async Task An_election_fills_its_seats_by_the_stv_rule_of_the_rulebook(string template, string method)
    {
        var (slug, founder, members) = await Steps.GroupAsync($"Election {template}", template, 4);
        var path = await Steps.ProposeChoiceAsync(founder, slug, "Delegates to the council", "Election", "Ana\nBo\nCy\nDee", seats: 2);
        var voters = new[] { founder, members[0], members[1], members[2], members[3] };
        var rankings = new[] { new[] { 1, 2, 0, 0 }, [1, 0, 2, 0], [2, 1, 0, 0], [0, 1, 0, 2], [0, 0, 1, 2] };
        for (var v = 0; v < voters.Length; v++) await RankAsync(voters[v], path, rankings[v]);
        Server.Clock.Advance(TimeSpan.FromHours(49));
        var closed = await founder.GetAsync(path);
        Assert.Contains($"Counted by {method}", closed.Text);
        Assert.Matches("Chosen: (Ana, Bo|Bo, Ana)", closed.Text);
    }
}
