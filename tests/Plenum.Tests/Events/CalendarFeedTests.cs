using System.Net;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Events.EventSteps;

namespace Plenum.Tests.Events;

/// <summary>
/// Private calendar feeds as a calendar app fetches them: no cookie, only the secret address; private to
/// caches; revoked or renewed addresses answer 404; a group left or never joined never shows.
/// </summary>
public sealed class CalendarFeedTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    EventSteps Steps => new(Server);

    /// <summary>A calendar app: no cookies, nothing but the address.</summary>
    async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> FetchAsync(string url)
    {
        using var app = new HttpClient(new HttpClientHandler { UseCookies = false });
        var response = await app.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    static string FeedUrl(WebSession.Page page) =>
        page.Document.QuerySelector("[data-testid=feed-url]")?.TextContent.Trim() ?? throw new InvalidOperationException(page.Text);

    static List<string> Summaries(string ics) => [.. Ical.Net.Calendar.Load(ics)!.Events.Select(e => e.Summary!).Order()];

    [Fact]
    public async Task A_group_feed_needs_no_cookie_is_private_to_caches_and_stops_when_renewed_or_revoked()
    {
        var (slug, founder, _) = await Steps.GroupAsync("Feed crew", 0);
        await Steps.NewEventAsync(founder, slug, "Rent strike meeting", Steps.DaysAhead(3, 18), "Europe/Berlin", ("Form.Repeat", "Weekly"));
        var events = await founder.GetAsync($"/groups/{slug}/events");
        var url = FeedUrl(await founder.SubmitAsync(events, "form[action*='Feed']"));
        Assert.StartsWith(Server.BaseAddress.ToString().TrimEnd('/') + "/calendar/plenumcal_", url);
        Assert.Null((await founder.GetAsync($"/groups/{slug}/events")).Document.QuerySelector("[data-testid=feed-url]"));

        var (status, ics, response) = await FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("private", response.Headers.CacheControl?.ToString());
        Assert.Equal(["Rent strike meeting"], Summaries(ics));
        var python = PythonIcalendar.Read(ics);
        Assert.Equal("Feed crew (Plenum)", python.GetProperty("name").GetString());
        Assert.Equal("FREQ=WEEKLY", PythonIcalendar.SingleEvent(python).GetProperty("rrule").GetString());

        var renewed = FeedUrl(await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/events"), "form[action*='Feed']"));
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(url)).Status);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(renewed)).Status);
        var revoked = await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/events"), "form[action*='StopFeed']");
        Assert.Contains("The feed address is revoked", revoked.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(renewed)).Status);

        // The secret is in no log line: not in the app's, nor the framework's.
        var secret = new Uri(renewed).AbsolutePath.Split('/')[^1].Replace(".ics", "");
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(secret) || line.Contains(secret[..20]));
    }

    [Fact]
    public async Task A_personal_feed_shows_all_my_groups_never_a_closed_group_I_am_not_in_and_forgets_a_group_I_leave()
    {
        var (openSlug, openFounder, _) = await Steps.GroupAsync("Tenants assembly", 0);
        var (closedSlug, closedFounder, _) = await Steps.GroupAsync("Phone tree", 0, closed: true);
        var (otherSlug, otherFounder, _) = await Steps.GroupAsync("Other cell", 0, closed: true);
        await Steps.NewEventAsync(openFounder, openSlug, "Assembly", Steps.DaysAhead(2, 19));
        await Steps.NewEventAsync(closedFounder, closedSlug, "Phone tree drill", Steps.DaysAhead(4, 20));
        await Steps.NewEventAsync(otherFounder, otherSlug, "Other cell action", Steps.DaysAhead(5, 6));
        var member = await Server.NewMemberAsync("Feed member");
        await Steps.PutInGroupAsync(openSlug, "Feed member");
        await Steps.PutInGroupAsync(closedSlug, "Feed member");

        var personal = FeedUrl(await member.SubmitAsync(await member.GetAsync("/accounts/calendar"), "form[action*='Renew']"));
        var groupFeed = FeedUrl(await member.SubmitAsync(await member.GetAsync($"/groups/{openSlug}/events"), "form[action*='Feed']"));
        Assert.Equal(["Assembly", "Phone tree drill"], Summaries((await FetchAsync(personal)).Body));
        Assert.Equal(["Assembly"], Summaries((await FetchAsync(groupFeed)).Body));
        Assert.Contains("Tenants assembly", (await member.GetAsync("/accounts/calendar")).Text);

        await member.SubmitAsync(await member.GetAsync($"/groups/{openSlug}"), "form[action*='Leave']");
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(groupFeed)).Status);
        Assert.Equal(["Phone tree drill"], Summaries((await FetchAsync(personal)).Body));

        var revoked = await member.SubmitAsync(await member.GetAsync("/accounts/calendar"), "form[action*='Revoke']");
        Assert.Contains("The feed address is revoked", revoked.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(personal)).Status);
    }

    [Fact]
    public async Task Feed_addresses_cannot_be_guessed_fast_the_fetches_are_rate_limited()
    {
        await using var server = await PlenumServer.StartAsync(options => options.CalendarFeedFetchesPerMinute = 3);
        using var app = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await app.GetAsync($"/calendar/plenumcal_guess{i}.ics")).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
