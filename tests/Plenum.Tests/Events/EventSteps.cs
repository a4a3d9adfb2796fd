using Microsoft.EntityFrameworkCore;
using NodaTime;
using Plenum.Events;
using Plenum.Groups;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Events;

/// <summary>What the events tests do again and again, through the pages as a person would.</summary>
public sealed class EventSteps(PlenumServer server)
{
    public static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A group made by its founder through the page; other members are put straight in (joining is tested with groups).</summary>
    public async Task<(string Slug, WebSession Founder, WebSession[] Members)> GroupAsync(string name, int members, bool closed = false)
    {
        var founder = await server.NewMemberAsync($"{name}-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, closed
            ? Fields(("Form.Name", name), ("Form.Kind", "AffinityGroup"), ("Form.JoinPolicy", "InviteOnly"))
            : Fields(("Form.Name", name), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var sessions = new WebSession[members];
        for (var i = 0; i < members; i++) sessions[i] = await AddMemberAsync(slug, $"{name}-member-{i}");
        return (slug, founder, sessions);
    }

    public async Task<WebSession> AddMemberAsync(string slug, string pseudonym)
    {
        var session = await server.NewMemberAsync(pseudonym);
        await PutInGroupAsync(slug, pseudonym);
        return session;
    }

    public Task PutInGroupAsync(string slug, string pseudonym) =>
        server.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == slug);
            var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
            db.Memberships.Add(new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = GroupRole.Member, JoinedAt = server.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    /// <summary>A wall-clock time some days ahead of the test clock, at the given hour, in the zone.</summary>
    public LocalDateTime DaysAhead(int days, int hour, string zone = "UTC") =>
        EventTimes.ToLocal(server.Clock.GetUtcNow(), EventTimes.Zone(zone)!).Date.PlusDays(days).At(new LocalTime(hour, 0));

    public static string Input(LocalDateTime local) => EventTimes.ToInput(local);

    /// <summary>Fills the new-event form: a two-hour event at <paramref name="start"/>, with any other fields given.</summary>
    public async Task<WebSession.Page> SubmitNewAsync(WebSession who, string slug, string title, LocalDateTime start, string zone = "UTC", params (string Key, string Value)[] more)
    {
        var fields = Fields(("Form.Title", title), ("Form.Start", Input(start)), ("Form.End", Input(start.PlusHours(2))), ("Form.TimeZone", zone));
        foreach (var (key, value) in more) fields[key] = value;
        return await who.SubmitAsync(await who.GetAsync($"/groups/{slug}/events/new"), null, fields);
    }

    /// <summary>Makes an event and returns its page's path.</summary>
    public async Task<string> NewEventAsync(WebSession who, string slug, string title, LocalDateTime start, string zone = "UTC", params (string Key, string Value)[] more)
    {
        var made = await SubmitNewAsync(who, slug, title, start, zone, more);
        Assert.True(made.Text.Contains("The event is made."), made.Text);
        return made.Path;
    }

    public static async Task<WebSession.Page> AnswerAsync(WebSession who, string eventPath, DateOnly date, string answer)
    {
        var page = await who.GetAsync(eventPath);
        return await who.SubmitAsync(page, $"li#date-{date:yyyy-MM-dd} form[action*='Answer']", Fields(("date", date.ToString("yyyy-MM-dd")), ("answer", answer)));
    }

    public static Guid IdOf(string eventPath) => Guid.Parse(eventPath.Split('/')[4]);

    public Task<Dictionary<string, RsvpAnswer>> AnswersAsync(string eventPath, DateOnly date) => server.WithDbAsync(db =>
    {
        var id = IdOf(eventPath);
        return db.Rsvps.Where(r => r.EventId == id && r.OccurrenceDate == date)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.UserName, r.Answer })
            .ToDictionaryAsync(a => a.UserName!, a => a.Answer);
    });

    public Task<List<Plenum.Notifications.NotificationKind>> NoticesAsync(string pseudonym, string eventPath) => server.WithDbAsync(db =>
    {
        var id = IdOf(eventPath);
        return db.Notifications.Where(n => n.EventId == id && db.Users.Any(u => u.Id == n.UserId && u.UserName == pseudonym))
            .OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync();
    });
}
