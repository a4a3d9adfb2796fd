using Microsoft.EntityFrameworkCore;
using Plenum.Counting.Lots;
using Plenum.Notifications;
using Plenum.Roles;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Roles;

/// <summary>Rotating roles with terms and term limits, reminders to hand over, and draws by lot anyone can check.</summary>
public sealed class RoleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    Task<(string Slug, WebSession Founder, WebSession[] Members)> GroupAsync(string name, int members) => Server.NewAssemblyAsync(name, members);

    [Fact]
    public async Task A_role_rotates_to_whoever_held_it_least_recently_within_the_term_limit_and_the_group_is_reminded()
    {
        var (slug, founder, members) = await GroupAsync("Rotating crew", 2);
        var created = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Create']",
            Fields(("name", "facilitator"), ("termDays", "14"), ("termLimit", "1")));
        Assert.Contains("Next in turn: Rotating crew-founder", created.Text);
        var first = await founder.SubmitAsync(created, "form[action*='HandOver']");
        Assert.Contains("Held by Rotating crew-founder until", first.Text);
        // The founder may not hold it twice in a row; the member who joined first comes next.
        Assert.Contains("Next in turn: Rotating crew-member-0", first.Text);
        var stranger = await members[1].SubmitAsync(await members[1].GetAsync($"/groups/{slug}/roles"), "form[action*='HandOver']");
        Assert.Contains("The holder hands over to whoever is next in turn", stranger.Text);

        Server.Clock.Advance(TimeSpan.FromDays(8));
        await Server.RunHousekeepingAsync();
        await Server.RunHousekeepingAsync();
        var notices = await Server.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.RoleHandover && db.Groups.Any(g => g.Id == n.GroupId && g.Slug == slug)).ToListAsync());
        Assert.Equal(3, notices.Count); // once to each of the three members, not again on the second run
        Assert.Contains("next in turn: Rotating crew-member-0", notices[0].Text);

        var handed = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='HandOver']");
        Assert.Contains("Next: Rotating crew-member-0 from", handed.Text);
        var terms = await Server.WithDbAsync(db => db.RoleTerms.OrderBy(t => t.StartsAt).Where(t => db.RotatingRoles.Any(r => r.Id == t.RoleId && db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug))).ToListAsync());
        Assert.Equal(terms[0].EndsAt, terms[1].StartsAt);
        Assert.Equal(TermChoice.Rotation, terms[1].ChosenBy);
    }

    [Fact]
    public async Task A_draw_commits_to_its_seed_first_and_anyone_can_redo_it_with_plenum_draw()
    {
        var (slug, founder, members) = await GroupAsync("Lottery assembly", 3);
        var announced = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Announce']",
            Fields(("purpose", "Two people for the housing panel"), ("count", "2")));
        var commitment = announced.Document.QuerySelector("code.secret")!.TextContent;
        Assert.DoesNotContain("Seed:", announced.Text);
        foreach (var member in members.Append(founder))
            await member.SubmitAsync(await member.GetAsync($"/groups/{slug}/roles"), "form[action*='Volunteer']");
        Assert.Contains("4 volunteer(s) so far", (await founder.GetAsync($"/groups/{slug}/roles")).Text);

        var drawn = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Draw']");
        var draw = await Server.WithDbAsync(db => db.Draws.SingleAsync(d => db.Groups.Any(g => g.Id == d.GroupId && g.Slug == slug)));
        Assert.Equal(commitment, Sortition.Commitment(Sortition.Parse(draw.Seed)));
        Assert.Contains($"Seed: {draw.Seed}", drawn.Text);
        var volunteers = draw.Volunteers!.Split('\n');
        Assert.Equal(4, volunteers.Length);

        var file = Path.Combine(Path.GetTempPath(), $"volunteers-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, volunteers.Reverse());
        var (exit, output, error) = PlenumProcess.Run("draw", "--seed", draw.Seed, "--count", "2", file);
        Assert.True(exit == 0, error);
        Assert.Equal([$"commitment: {commitment}", .. draw.Selected!.Split('\n')], output.Trim().Split('\n').Select(l => l.Trim()));
        var wrong = PlenumProcess.Run("draw", "--seed", "nonsense", "--count", "2", file);
        Assert.Equal(2, wrong.Exit);
        File.Delete(file);
    }

    [Fact]
    public async Task A_double_tap_on_volunteering_puts_the_person_in_the_draw_once()
    {
        var (slug, founder, _) = await GroupAsync("Tapping lottery", 0);
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Announce']", Fields(("purpose", "One person for the door"), ("count", "1")));
        var answers = await founder.TapAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Volunteer']");
        Assert.All(answers, answer => Assert.True((int)answer.StatusCode < 500, answer.StatusCode.ToString()));
        Assert.Contains("1 volunteer(s) so far", (await founder.GetAsync($"/groups/{slug}/roles")).Text);
    }

    [Fact]
    public async Task After_a_term_ends_its_holder_at_the_term_limit_is_not_proposed_again()
    {
        var (slug, founder, _) = await GroupAsync("Lone crew", 0);
        var created = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Create']",
            Fields(("name", "note-taker"), ("termDays", "7"), ("termLimit", "1")));
        await founder.SubmitAsync(created, "form[action*='HandOver']");
        Server.Clock.Advance(TimeSpan.FromDays(8));
        var page = await founder.GetAsync($"/groups/{slug}/roles");
        Assert.Contains("Nobody holds it now.", page.Text);
        Assert.DoesNotContain("Next in turn", page.Text);
        Assert.Null(page.Document.QuerySelector("form[action*='HandOver']"));
    }

    [Fact]
    public async Task A_draw_for_a_role_leaves_out_volunteers_the_term_limit_bars_before_drawing()
    {
        var (slug, founder, members) = await GroupAsync("Limited lottery", 1);
        var created = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Create']",
            Fields(("name", "treasurer"), ("termDays", "7"), ("termLimit", "1")));
        await founder.SubmitAsync(created, "form[action*='HandOver']");
        var roleId = await Server.WithDbAsync(db => db.RotatingRoles.Where(r => db.Groups.Any(g => g.Id == r.GroupId && g.Slug == slug)).Select(r => r.Id).SingleAsync());
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Announce']",
            Fields(("purpose", "The next treasurer"), ("count", "1"), ("role", roleId.ToString())));
        foreach (var person in members.Append(founder)) await person.SubmitAsync(await person.GetAsync($"/groups/{slug}/roles"), "form[action*='Volunteer']");

        var drawn = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Draw']");
        Assert.Contains("Selected: Limited lottery-member-0", drawn.Text);
        var draw = await Server.WithDbAsync(db => db.Draws.SingleAsync(d => d.RoleId == roleId));
        Assert.Equal("Limited lottery-member-0", draw.Volunteers);
        Assert.Contains("Next: Limited lottery-member-0 from", drawn.Text);
    }

    [Fact]
    public async Task A_refused_form_stays_open_with_what_was_typed()
    {
        var (slug, founder, _) = await GroupAsync("Typing crew", 0);
        var refused = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/roles"), "form[action*='Create']",
            Fields(("name", "x"), ("termDays", "45"), ("termLimit", "2")));
        Assert.Contains("Give the role a name of 2 to 60 characters.", refused.Text);
        var open = refused.Document.QuerySelector("details[open] form[action*='Create']");
        Assert.NotNull(open);
        Assert.Equal(["x", "45", "2"], new[] { "name", "termDays", "termLimit" }.Select(n => open.QuerySelector($"[name={n}]")!.GetAttribute("value")));
        Assert.Null(refused.Document.QuerySelector("details[open] form[action*='Announce']"));
    }
}
