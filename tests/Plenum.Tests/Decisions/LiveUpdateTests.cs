using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Plenum.Decisions;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Decisions;

/// <summary>
/// A member's open decision page hears of votes through SignalR (cookie-signed, members only), and
/// fetches the count again from a fragment that applies the page's own rules.
/// </summary>
public sealed class LiveUpdateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    async Task<(string Slug, WebSession Founder, WebSession Member)> GroupAsync(string name)
    {
        var founder = await Server.NewMemberAsync($"{name}-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null,
            Fields(("Form.Name", name), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var member = await Server.NewMemberAsync($"{name}-member");
        await member.SubmitAsync(await member.GetAsync($"/groups/{slug}"), "form[action*='Join']");
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']", Fields(("template", "consent-circle")));
        return (slug, founder, member);
    }

    async Task<string> ProposeAsync(WebSession who, string slug, string title, bool secret = false)
    {
        var fields = Fields(("ClassKey", "general"), ("Title", title), ("Text", "We " + title.ToLowerInvariant() + "."),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm")));
        if (secret) fields["Secret"] = "true";
        var opened = await who.SubmitAsync(await who.GetAsync($"/groups/{slug}/decisions/new"), null, fields);
        Assert.True(opened.Path.Contains("/decisions/") && !opened.Path.EndsWith("/new"), opened.Text);
        return opened.Path;
    }

    static async Task VoteAsync(WebSession who, string path, string position) =>
        Assert.Matches("Your vote is recorded|Your secret ballot is in the box",
            (await who.SubmitAsync(await who.GetAsync(path), "form[action*='Vote']", Fields(("Position", position), ("Reason", "")))).Text);

    static Guid DecisionId(string path) => Guid.Parse(path.Split('/')[^1]);

    HubConnection Listener(WebSession? who, string? origin = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, DecisionHub.Path), options =>
        {
            if (who is not null) options.Cookies = who.Cookies;
            if (origin is not null) options.Headers["Origin"] = origin;
        })
        .Build();

    /// <summary>Collects the VotesChanged messages a connection receives, typed as the page's script reads them.</summary>
    static Func<Task<(Guid Decision, int Voters)>> VotesChanged(HubConnection connection)
    {
        var received = System.Threading.Channels.Channel.CreateUnbounded<(Guid, int)>();
        connection.On<Guid, int>(DecisionUpdates.VotesChangedMessage, (id, voters) => received.Writer.TryWrite((id, voters)));
        return async () => await received.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task A_member_watching_a_decision_hears_each_vote_and_its_close()
    {
        var (slug, founder, member) = await GroupAsync("Live crew");
        var path = await ProposeAsync(founder, slug, "Share the van");
        var id = DecisionId(path);
        await using var listener = Listener(founder);
        var next = VotesChanged(listener);
        var closed = new TaskCompletionSource<Guid>();
        listener.On<Guid>(DecisionUpdates.ClosedMessage, decision => closed.TrySetResult(decision));
        await listener.StartAsync();
        Assert.Equal(0, await listener.InvokeAsync<int>("Watch", id));

        await VoteAsync(member, path, "agree");
        Assert.Equal((id, 1), await next());
        await VoteAsync(founder, path, "agree");
        Assert.Equal((id, 2), await next());
        await VoteAsync(member, path, "abstain");
        Assert.Equal((id, 2), await next()); // a changed vote changes the count but not the number who voted

        Server.Clock.Advance(TimeSpan.FromHours(49));
        await Server.RunHousekeepingAsync();
        Assert.Equal(id, await closed.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task Only_members_of_the_decisions_group_may_listen_and_only_from_plenums_own_pages()
    {
        var (slug, founder, _) = await GroupAsync("Guarded crew");
        var id = DecisionId(await ProposeAsync(founder, slug, "Change the locks"));

        using var outsider = await Server.NewMemberAsync("Guarded crew-outsider");
        await using var nosy = Listener(outsider);
        await nosy.StartAsync();
        var refusal = await Assert.ThrowsAsync<HubException>(() => nosy.InvokeAsync<int>("Watch", id));
        Assert.Contains("No such decision", refusal.Message);

        await using var anonymous = Listener(null);
        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());

        // The founder's own cookie, but carried by another site's page.
        await using var hijacked = Listener(founder, origin: "https://elsewhere.example");
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await hijacked.StartAsync();
            await hijacked.InvokeAsync<int>("Watch", id);
        });

        await using var own = Listener(founder, origin: Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        await own.StartAsync();
        Assert.Equal(0, await own.InvokeAsync<int>("Watch", id));
    }

    [Fact]
    public async Task The_live_fragment_shows_the_count_only_to_those_the_page_would_show_it_to()
    {
        var (slug, founder, member) = await GroupAsync("Fragment crew");
        var path = await ProposeAsync(founder, slug, "Paint the door", secret: true);
        await VoteAsync(member, path, "disagree");

        var before = await founder.GetAsync(path + "?handler=Live");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("The count shows once you have voted", before.Text);
        Assert.DoesNotContain("disagree", before.Html);
        Assert.Equal("false", before.Document.QuerySelector("#results")!.GetAttribute("data-refresh-on-vote"));
        Assert.DoesNotContain("<html", before.Html); // the fragment alone, not the page

        await VoteAsync(founder, path, "agree");
        var after = await founder.GetAsync(path + "?handler=Live");
        Assert.Equal("true", after.Document.QuerySelector("#results")!.GetAttribute("data-refresh-on-vote"));
        var rows = after.Document.QuerySelectorAll("#results tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains(rows, r => r.StartsWith("agree") && r.EndsWith("1"));
        Assert.Contains(rows, r => r.StartsWith("disagree") && r.EndsWith("1"));

        using var outsider = await Server.NewMemberAsync("Fragment crew-outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path + "?handler=Live")).Status);
    }
}
