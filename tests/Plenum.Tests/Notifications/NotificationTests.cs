using Microsoft.EntityFrameworkCore;
using Plenum.Notifications;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Notifications;

/// <summary>Members hear about their groups' decisions in the app, and by e-mail only when they gave and confirmed an address.</summary>
public sealed class NotificationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    Task<(string Slug, WebSession Founder, WebSession[] Members)> GroupAsync(string name, int members) => Server.NewAssemblyAsync(name, members, "consent-circle");

    async Task<string> ProposeAsync(WebSession who, string slug, string title, bool secret = false, double hours = 48)
    {
        var fields = Fields(("ClassKey", "general"), ("Title", title), ("Text", "The secret plan is to " + title.ToLowerInvariant() + "."),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(hours).ToString("yyyy-MM-ddTHH:mm")));
        if (secret) fields["Secret"] = "true";
        var opened = await who.SubmitAsync(await who.GetAsync($"/groups/{slug}/decisions/new"), null, fields);
        Assert.True(opened.Path.Contains("/decisions/") && !opened.Path.EndsWith("/new"), opened.Text);
        return opened.Path;
    }

    static async Task VoteAsync(WebSession who, string path) =>
        Assert.Matches("Your vote is recorded|Your secret ballot is in the box", (await who.SubmitAsync(await who.GetAsync(path), "form[action*='Vote']", Fields(("Position", "agree"), ("Reason", "")))).Text);

    /// <summary>Stands in for the account page's confirmation link (tested in AccountPagesTests).</summary>
    Task ConfirmEmailAsync(string pseudonym, string address) => Server.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
        (user.Email, user.NormalizedEmail, user.EmailConfirmed) = (address, address.ToUpperInvariant(), true);
        return await db.SaveChangesAsync();
    });

    Task<List<NotificationKind>> KindsForAsync(string pseudonym, string path) => Server.WithDbAsync(db =>
    {
        var decisionId = Guid.Parse(path.Split('/')[^1]);
        return db.Notifications.Where(n => n.DecisionId == decisionId && db.Users.Any(u => u.Id == n.UserId && u.UserName == pseudonym))
            .Select(n => n.Kind).ToListAsync();
    });

    static async Task<string> BadgeAsync(WebSession who) =>
        (await who.GetAsync("/")).Document.QuerySelector("header a[href='/notifications']")!.TextContent.Trim();

    [Fact]
    public async Task Opening_a_decision_notifies_the_other_members_in_the_app_and_mark_all_read_clears_the_badge()
    {
        var (slug, founder, members) = await GroupAsync("Notice crew", 2);
        var path = await ProposeAsync(founder, slug, "Paint the hall");

        Assert.Empty(await KindsForAsync("Notice crew-founder", path));
        Assert.Equal([NotificationKind.DecisionOpened], await KindsForAsync("Notice crew-member-0", path));
        Assert.Equal("Notifications (1)", await BadgeAsync(members[0]));
        Assert.Equal("Notifications", await BadgeAsync(founder));

        var list = await members[0].GetAsync("/notifications");
        var item = list.Document.QuerySelector("[data-testid=notification]")!;
        Assert.Contains("Notice crew", item.TextContent);
        Assert.Contains("Paint the hall", item.TextContent);
        Assert.Equal(path, item.QuerySelector("a")!.GetAttribute("href"));

        var read = await members[0].SubmitAsync(list, "form[action*='MarkAllRead']");
        Assert.Contains("marked read", read.Text);
        Assert.Equal("Notifications", await BadgeAsync(members[0]));
        Assert.Equal("Notifications (1)", await BadgeAsync(members[1]));
    }

    [Fact]
    public async Task Only_members_with_a_confirmed_address_and_a_mailing_volume_get_mail_and_it_carries_no_proposal_text()
    {
        var (slug, founder, members) = await GroupAsync("Mail crew", 3);
        await ConfirmEmailAsync("Mail crew-member-0", "decisions-only@example.org");
        await ConfirmEmailAsync("Mail crew-member-1", "quiet@example.org");
        var settings = await members[1].GetAsync($"/groups/{slug}/notifications");
        Assert.NotNull(settings.Document.QuerySelector("input[name=Volume][value=DecisionsOnly][checked]"));
        var saved = await members[1].SubmitAsync(settings, null, Fields(("Volume", "None")));
        Assert.NotNull(saved.Document.QuerySelector("input[name=Volume][value=None][checked]"));
        Assert.Contains($"/groups/{slug}/notifications", (await members[0].GetAsync($"/groups/{slug}")).Html);

        var path = await ProposeAsync(founder, slug, "Buy a printer");

        var mail = Assert.Single(Server.MailTo("decisions-only@example.org"));
        Assert.Contains("Mail crew", mail.TextBody);
        Assert.Contains("Buy a printer", mail.TextBody);
        Assert.Contains(path, mail.TextBody);
        Assert.DoesNotContain("secret plan", mail.TextBody);
        Assert.DoesNotContain("Buy a printer", mail.Subject);
        Assert.Empty(Server.MailTo("quiet@example.org"));
        // Quiet by mail is not quiet in the app.
        Assert.Equal([NotificationKind.DecisionOpened], await KindsForAsync("Mail crew-member-1", path));
        Assert.Equal([NotificationKind.DecisionOpened], await KindsForAsync("Mail crew-member-2", path));
    }

    [Fact]
    public async Task A_reminder_a_day_before_the_deadline_reaches_only_those_who_have_not_voted_and_only_once()
    {
        var (slug, founder, members) = await GroupAsync("Reminder crew", 2);
        var open = await ProposeAsync(founder, slug, "Fix the roof");
        var secret = await ProposeAsync(founder, slug, "Pick a treasurer", secret: true);
        await VoteAsync(members[0], open);
        await VoteAsync(members[1], secret);

        await Server.RunHousekeepingAsync();
        Assert.DoesNotContain(NotificationKind.DecisionClosingSoon, await KindsForAsync("Reminder crew-member-1", open));

        Server.Clock.Advance(TimeSpan.FromHours(25));
        await Server.RunHousekeepingAsync();
        await Server.RunHousekeepingAsync();

        int Reminders(List<NotificationKind> kinds) => kinds.Count(k => k == NotificationKind.DecisionClosingSoon);
        Assert.Equal(1, Reminders(await KindsForAsync("Reminder crew-founder", open)));
        Assert.Equal(0, Reminders(await KindsForAsync("Reminder crew-member-0", open)));
        Assert.Equal(1, Reminders(await KindsForAsync("Reminder crew-member-1", open)));
        Assert.Equal(1, Reminders(await KindsForAsync("Reminder crew-member-0", secret)));
        Assert.Equal(0, Reminders(await KindsForAsync("Reminder crew-member-1", secret)));
    }

    [Fact]
    public async Task Closing_a_decision_notifies_every_member_and_read_notices_expire_after_ninety_days()
    {
        var (slug, founder, members) = await GroupAsync("Closing crew", 1);
        var path = await ProposeAsync(founder, slug, "Open a library");
        Server.Clock.Advance(TimeSpan.FromHours(49));
        await Server.RunHousekeepingAsync();
        Assert.Contains(NotificationKind.DecisionClosed, await KindsForAsync("Closing crew-founder", path));
        Assert.Contains(NotificationKind.DecisionClosed, await KindsForAsync("Closing crew-member-0", path));

        await founder.SubmitAsync(await founder.GetAsync("/notifications"), "form[action*='MarkAllRead']");
        Server.Clock.Advance(TimeSpan.FromDays(91));
        await Server.RunHousekeepingAsync();
        Assert.Empty(await KindsForAsync("Closing crew-founder", path));
        Assert.NotEmpty(await KindsForAsync("Closing crew-member-0", path)); // unread ones stay
    }

    [Fact]
    public async Task A_daily_digest_collects_notices_into_at_most_one_mail_a_day()
    {
        var (slug, founder, members) = await GroupAsync("Digest crew", 1);
        await ConfirmEmailAsync("Digest crew-member-0", "digest@example.org");
        await members[0].SubmitAsync(await members[0].GetAsync($"/groups/{slug}/notifications"), null, Fields(("Volume", "DailyDigest")));

        await ProposeAsync(founder, slug, "Plant trees");
        await ProposeAsync(founder, slug, "Fix the bikes");
        Assert.Empty(Server.MailTo("digest@example.org"));

        await Server.RunHousekeepingAsync();
        var digest = Assert.Single(Server.MailTo("digest@example.org"));
        Assert.Contains("Plant trees", digest.TextBody);
        Assert.Contains("Fix the bikes", digest.TextBody);
        Assert.DoesNotContain("secret plan", digest.TextBody);

        await ProposeAsync(founder, slug, "Paint the fence");
        await Server.RunHousekeepingAsync();
        Assert.Single(Server.MailTo("digest@example.org")); // the next one waits a day
        Server.Clock.Advance(TimeSpan.FromHours(24));
        await Server.RunHousekeepingAsync();
        Assert.Contains("Paint the fence", Server.MailTo("digest@example.org")[^1].TextBody);
    }

    [Fact]
    public async Task The_list_shows_thirty_notices_a_page_newest_first()
    {
        var (slug, founder, _) = await GroupAsync("Paging crew", 0);
        await Server.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "Paging crew-founder");
            var group = await db.Groups.SingleAsync(g => g.Slug == slug);
            var start = Server.Clock.GetUtcNow();
            for (var i = 1; i <= 31; i++)
                db.Notifications.Add(new Notification { Id = Guid.NewGuid(), UserId = user.Id, GroupId = group.Id, Kind = NotificationKind.DecisionOpened, Text = $"Notice {i}.", CreatedAt = start.AddMinutes(i) });
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Notifications (31)", await BadgeAsync(founder));
        var first = await founder.GetAsync("/notifications");
        var items = first.Document.QuerySelectorAll("[data-testid=notification]");
        Assert.Equal(30, items.Length);
        Assert.Contains("Notice 31.", items[0].TextContent);
        var second = await founder.GetAsync("/notifications?page=2");
        Assert.Contains("Notice 1.", Assert.Single(second.Document.QuerySelectorAll("[data-testid=notification]")).TextContent);
    }
}
