using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Discussions;
using Plenum.Groups;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Discussions;

/// <summary>Members talk in their group's discussions through the real pages and API; outsiders see nothing.</summary>
public sealed class DiscussionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    WebSession Admin => fixture.Admin;

    async Task<string> CreateGroupAsync(string name, string kind = "AffinityGroup", string policy = "InviteOnly")
    {
        var form = await Admin.GetAsync("/groups/new");
        var created = await Admin.SubmitAsync(form, null, new Dictionary<string, string> { ["Form.Name"] = name, ["Form.Kind"] = kind, ["Form.JoinPolicy"] = policy });
        return created.Path.Split('/').Last();
    }

    /// <summary>A new person who joins <paramref name="slug"/> through the admin's invite link.</summary>
    async Task<WebSession> MemberAsync(string slug, string pseudonym)
    {
        var invite = await Admin.SubmitAsync(await Admin.GetAsync($"/groups/{slug}/invite"), "form[action*='Create']");
        var link = invite.Document.QuerySelector("#new-link")?.TextContent ?? throw new InvalidOperationException(invite.Text);
        var session = Server.NewSession();
        await session.RegisterAsync(new Uri(link).AbsolutePath, pseudonym);
        return session;
    }

    static async Task<WebSession.Page> StartAsync(WebSession session, string slug, string title, string body)
    {
        var form = await session.GetAsync($"/groups/{slug}/discussions/new");
        return await session.SubmitAsync(form, null, new Dictionary<string, string> { ["Form.Title"] = title, ["Form.Body"] = body });
    }

    static Task<WebSession.Page> ReplyAsync(WebSession session, WebSession.Page thread, string body) =>
        session.SubmitAsync(thread, "#reply-form", new Dictionary<string, string> { ["Reply.Body"] = body });

    Task<Guid> UserIdAsync(string pseudonym) => Server.WithDbAsync(db => db.Users.Where(u => u.UserName == pseudonym).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Members_start_a_discussion_reply_and_mention_each_other()
    {
        var slug = await CreateGroupAsync("Banner crew");
        using var rosa = await MemberAsync(slug, "Rosa Park");

        var group = await Admin.GetAsync($"/groups/{slug}");
        Assert.NotNull(group.Document.QuerySelector($"nav a[href='/groups/{slug}/discussions']"));

        var thread = await StartAsync(Admin, slug, "Painting the banner", "Who brings **paint**?");
        Assert.Matches($"^/groups/{slug}/discussions/[0-9a-f-]{{36}}$", thread.Path);
        Assert.Equal("paint", thread.Document.QuerySelector("#post .post-body strong")?.TextContent);

        var replied = await ReplyAsync(rosa, await rosa.GetAsync(thread.Path), "@first-admin I can, and @Rosa Park brings brushes. Mail rosa@example.org, not `@first-admin`.");
        var reply = replied.Document.QuerySelector("article.post[id^='reply-']") ?? throw new InvalidOperationException(replied.Text);
        var adminId = await UserIdAsync(ServerFixture.AdminPseudonym);
        var mentions = reply.QuerySelectorAll("a.mention").Select(a => (a.TextContent, Href: a.GetAttribute("href"))).ToList();
        Assert.Equal(2, mentions.Count);
        Assert.Equal(("@first-admin", $"/groups/{slug}/members#member-{adminId}"), mentions[0]);
        Assert.Equal("@Rosa Park", mentions[1].TextContent);
        Assert.Equal("@first-admin", reply.QuerySelector("code")?.TextContent);

        // Only the admin is recorded: naming oneself notifies nobody, and code or e-mail addresses are no mentions.
        var recorded = await Server.WithDbAsync(db => db.Mentions.Where(m => m.ReplyId != null && db.DiscussionReplies.Any(r => r.Id == m.ReplyId && r.Discussion.Group.Slug == slug))
            .Select(m => m.UserId).ToListAsync());
        Assert.Equal([adminId], recorded);

        var members = await Admin.GetAsync($"/groups/{slug}/members");
        Assert.NotNull(members.Document.GetElementById($"member-{adminId}"));

        var list = await rosa.GetAsync($"/groups/{slug}/discussions");
        var item = Assert.Single(list.Document.QuerySelectorAll("ul.discussions li"));
        Assert.Contains("Painting the banner", item.TextContent);
        Assert.Contains("1 reply", item.TextContent);
    }

    [Fact]
    public async Task Titles_and_bodies_are_encrypted_at_rest()
    {
        var slug = await CreateGroupAsync("Quiet planning");
        await StartAsync(Admin, slug, "Meeting place", "Behind the bakery at nine");
        var stored = await Server.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT \"Title\" AS \"Value\" FROM \"Discussions\" UNION ALL SELECT \"Body\" AS \"Value\" FROM \"Discussions\"").ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, value => Assert.StartsWith("enc1:", value));
    }

    [Fact]
    public async Task Authors_edit_their_posts_and_members_see_the_earlier_version()
    {
        var slug = await CreateGroupAsync("Edit circle");
        using var sam = await MemberAsync(slug, "Sam-edits");
        var thread = await StartAsync(Admin, slug, "Leaflet text", "First draft");
        var replied = await ReplyAsync(sam, await sam.GetAsync(thread.Path), "Meet at 6");
        var replyId = replied.Document.QuerySelector("article.post[id^='reply-']")!.Id!["reply-".Length..];

        // Someone else's reply cannot be edited, neither its form nor by posting to it.
        Assert.Equal(HttpStatusCode.Forbidden, (await Admin.GetAsync($"{thread.Path}/edit/{replyId}")).Status);
        Assert.Null((await Admin.GetAsync(thread.Path)).Document.QuerySelector($"a[href='{thread.Path}/edit/{replyId}']"));

        var editForm = await sam.GetAsync($"{thread.Path}/edit/{replyId}");
        Assert.Equal("Meet at 6", editForm.Document.QuerySelector("textarea")?.TextContent);
        var edited = await sam.SubmitAsync(editForm, null, new Dictionary<string, string> { ["Form.Body"] = "Meet at 7" });
        var reply = edited.Document.GetElementById($"reply-{replyId}")!;
        Assert.Contains("Meet at 7", reply.TextContent);
        var historyLink = reply.QuerySelector("a.edited")?.GetAttribute("href");
        Assert.Equal($"{thread.Path}/history/{replyId}", historyLink);

        var history = await Admin.GetAsync(historyLink!);
        Assert.Contains("Meet at 6", history.Document.QuerySelector("ol.revisions")?.TextContent);

        var postEdit = await Admin.SubmitAsync(await Admin.GetAsync($"{thread.Path}/edit"), null,
            new Dictionary<string, string> { ["Form.Title"] = "Leaflet text, final", ["Form.Body"] = "Second draft" });
        Assert.Equal("Leaflet text, final", postEdit.Document.QuerySelector("h1")?.TextContent);
        var postHistory = await sam.GetAsync($"{thread.Path}/history");
        Assert.Contains("First draft", postHistory.Text);
        Assert.Contains("Title: Leaflet text", postHistory.Text);

        // After a year the earlier versions go; the "edited" mark stays.
        await Server.WithDbAsync(db => new EditHistoryRetention().ApplyAsync(db, Server.Clock.GetUtcNow().AddDays(366), CancellationToken.None));
        var later = await sam.GetAsync(historyLink!);
        Assert.Contains("None kept", later.Text);
        Assert.NotNull((await sam.GetAsync(thread.Path)).Document.QuerySelector($"#reply-{replyId} a.edited"));
    }

    [Fact]
    public async Task Outsiders_can_neither_read_nor_write()
    {
        var closed = await CreateGroupAsync("Closed talk");
        var open = await CreateGroupAsync("Open assembly talk", kind: "Assembly", policy: "Open");
        var thread = await StartAsync(Admin, closed, "Inside only", "Members only");
        var openThread = await StartAsync(Admin, open, "Also inside", "Members only too");
        using var outsider = await Server.NewMemberAsync("Outsider-discuss");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/groups/{closed}/discussions")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(thread.Path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/groups/{open}/discussions")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(openThread.Path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/groups/{open}/discussions/new")).Status);

        // A reply posted with a valid antiforgery token from the outsider's own page still fails.
        var ownPage = await outsider.GetAsync("/accounts");
        var token = ownPage.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        var posted = await outsider.Http.PostAsync($"{openThread.Path}?handler=Reply",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply.Body"] = "let me in", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);

        using var anonymous = Server.NewSession();
        Assert.Equal("/accounts/login", (await anonymous.GetAsync(thread.Path)).Path);
        Assert.Equal(0, await Server.WithDbAsync(db => db.DiscussionReplies.CountAsync(r => r.Discussion.Group.Slug == open)));
    }

    [Fact]
    public async Task Markdown_cannot_inject_html_scripts_or_third_party_requests()
    {
        var slug = await CreateGroupAsync("Markdown safety");
        var body = string.Join("\n\n",
            "<script>alert('raw')</script>",
            "<img src=x onerror=alert('img')>",
            "[click](javascript:alert('link'))",
            "![tracker](https://tracker.example/pixel.png)",
            "![protocol relative](//tracker.example/pixel.png)",
            "![local](/css/plenum.css)",
            "[a site](https://example.org)",
            "# Big heading");
        var thread = await StartAsync(Admin, slug, "Try to break it", body);
        var post = thread.Document.QuerySelector("#post .post-body")!;

        Assert.Empty(thread.Document.QuerySelectorAll("main script"));
        Assert.Contains("<script>alert('raw')</script>", post.TextContent);
        Assert.DoesNotContain("javascript:", post.InnerHtml);
        // Raw HTML is shown as the text it is, never as an element.
        Assert.Empty(post.QuerySelectorAll("[onerror]"));
        Assert.Contains("<img src=x onerror=alert('img')>", post.TextContent);
        Assert.Equal(["/css/plenum.css"], post.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.Contains("tracker", post.TextContent);
        var link = post.QuerySelector("a[href='https://example.org']")!;
        Assert.Equal("nofollow noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("Big heading", post.QuerySelector("h4")?.TextContent);
        Assert.Null(post.QuerySelector("h1"));
    }

    [Fact]
    public async Task Lists_and_threads_are_paged()
    {
        var slug = await CreateGroupAsync("Busy group");
        var groupId = await Server.WithDbAsync(db => db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync());
        var adminId = await UserIdAsync(ServerFixture.AdminPseudonym);
        Guid first = default;
        await Server.WithDbAsync(async db =>
        {
            using var scope = Server.App.Services.CreateScope();
            var board = scope.ServiceProvider.GetRequiredService<DiscussionBoard>();
            var group = await scope.ServiceProvider.GetRequiredService<Plenum.Data.PlenumDb>().Groups.SingleAsync(g => g.Id == groupId);
            for (var n = 1; n <= 21; n++)
            {
                Server.Clock.Advance(TimeSpan.FromSeconds(1));
                var d = await board.StartAsync(group, adminId, new DiscussionForm { Title = $"Topic {n:00}", Body = "text" });
                if (n == 1) first = d.Id;
            }
            var oldest = await scope.ServiceProvider.GetRequiredService<Plenum.Data.PlenumDb>().Discussions.SingleAsync(d => d.Id == first);
            for (var n = 1; n <= 51; n++)
            {
                Server.Clock.Advance(TimeSpan.FromMilliseconds(10));
                await board.ReplyAsync(group, oldest, adminId, new ReplyForm { Body = $"Reply {n:00}" });
            }
            return 0;
        });

        var page1 = await Admin.GetAsync($"/groups/{slug}/discussions");
        var titles = page1.Document.QuerySelectorAll("ul.discussions li strong").Select(e => e.TextContent).ToList();
        Assert.Equal(20, titles.Count);
        // The oldest topic has the newest activity (its replies), so it leads.
        Assert.Equal(["Topic 01", "Topic 21", "Topic 20"], titles.Take(3));
        Assert.Contains("51 replies", page1.Document.QuerySelector("ul.discussions li")!.TextContent);
        Assert.Contains("Page 1 of 2", page1.Text);
        var page2 = await Admin.GetAsync($"/groups/{slug}/discussions?page=2");
        Assert.Equal(["Topic 02"], page2.Document.QuerySelectorAll("ul.discussions li strong").Select(e => e.TextContent));

        var thread = await Admin.GetAsync($"/groups/{slug}/discussions/{first}");
        var replies = thread.Document.QuerySelectorAll("article.post[id^='reply-'] .post-body").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(50, replies.Count);
        Assert.Equal("Reply 01", replies[0]);
        Assert.NotNull(thread.Document.QuerySelector("nav.pager a[rel='next']"));
        var last = await Admin.GetAsync($"/groups/{slug}/discussions/{first}?page=2");
        Assert.Equal(["Reply 51"], last.Document.QuerySelectorAll("article.post[id^='reply-'] .post-body").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task Invalid_posts_are_refused_with_clear_messages_and_nothing_is_saved()
    {
        var slug = await CreateGroupAsync("Validation group");
        var before = await Server.WithDbAsync(db => db.Discussions.CountAsync());
        var shortTitle = await StartAsync(Admin, slug, "ab", "fine");
        Assert.Contains("The title must be 3 to 200 characters.", shortTitle.Text);
        Assert.Equal("fine", shortTitle.Document.QuerySelector("textarea")?.TextContent);
        Assert.NotNull(shortTitle.Document.QuerySelector("input#Form_Title[aria-invalid='true']"));
        Assert.Null(shortTitle.Document.QuerySelector("textarea[aria-invalid]"));
        var emptyBody = await StartAsync(Admin, slug, "A fine title", "   ");
        Assert.Contains("Write something to start the discussion.", emptyBody.Text);
        Assert.NotNull(emptyBody.Document.QuerySelector("textarea[aria-invalid='true']"));
        var longBody = await StartAsync(Admin, slug, "A fine title", new string('x', 20001));
        Assert.Contains("at most 20000 characters", longBody.Text);
        Assert.Equal(before, await Server.WithDbAsync(db => db.Discussions.CountAsync()));

        var thread = await StartAsync(Admin, slug, "A fine title", "ok");
        var emptyReply = await ReplyAsync(Admin, thread, "");
        Assert.Contains("Write something before you send the reply.", emptyReply.Text);
        Assert.Equal(0, await Server.WithDbAsync(db => db.DiscussionReplies.CountAsync(r => r.Discussion.Group.Slug == slug)));
    }

    [Fact]
    public async Task Closed_discussions_take_no_replies()
    {
        var slug = await CreateGroupAsync("Closing group");
        var thread = await StartAsync(Admin, slug, "Decided already", "done");
        var closed = await Admin.SubmitAsync(thread, "form[action*='Close']");
        Assert.Contains("The discussion is closed.", closed.Text);
        Assert.Null(closed.Document.QuerySelector("#reply-form"));
        Assert.Contains("closed", (await Admin.GetAsync($"/groups/{slug}/discussions")).Document.QuerySelector("ul.discussions li")!.TextContent);
    }

    [Fact]
    public async Task Privacy_page_lists_the_edit_history_rule()
    {
        var privacy = await Admin.GetAsync("/privacy");
        Assert.Contains("discussion edit history", privacy.Text);
        Assert.Contains("365 days", privacy.Text);
    }

    async Task<HttpClient> ApiClientAsync(string pseudonym)
    {
        var secret = AccessTokenAuthentication.NewSecret();
        await Server.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == pseudonym);
            db.AccessTokens.Add(new AccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "test", SecretHash = AccessTokenAuthentication.HashSecret(secret), Hint = secret[..12], CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = new HttpClient { BaseAddress = Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task Api_creates_lists_reads_and_replies()
    {
        var slug = await CreateGroupAsync("Api talk");
        using var admin = await ApiClientAsync(ServerFixture.AdminPseudonym);

        var invalid = await admin.PostAsJsonAsync($"/api/v1/groups/{slug}/discussions", new { title = "x", body = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Title", out _) && errors.TryGetProperty("Body", out _), errors.ToString());

        var created = await admin.PostAsJsonAsync($"/api/v1/groups/{slug}/discussions", new { title = "From a script", body = "Hello <b>there</b>" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var discussion = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = discussion.GetProperty("id").GetGuid();
        Assert.DoesNotContain("<b>", discussion.GetProperty("bodyHtml").GetString());

        var reply = await admin.PostAsJsonAsync($"/api/v1/groups/{slug}/discussions/{id}/replies", new { body = "A reply" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/discussions");
        var item = Assert.Single(list.GetProperty("discussions").EnumerateArray());
        Assert.Equal("From a script", item.GetProperty("title").GetString());
        Assert.Equal(1, item.GetProperty("replies").GetInt32());

        var thread = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/discussions/{id}");
        Assert.Equal("A reply", Assert.Single(thread.GetProperty("replies").EnumerateArray()).GetProperty("body").GetString());

        using var outsiderSession = await Server.NewMemberAsync("Api-outsider");
        using var outsider = await ApiClientAsync("Api-outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/groups/{slug}/discussions")).StatusCode);
        var open = await CreateGroupAsync("Api open talk", kind: "Assembly", policy: "Open");
        var refused = await outsider.PostAsJsonAsync($"/api/v1/groups/{open}/discussions", new { title = "Sneaking in", body = "hi" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var openApi = await admin.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/groups/{slug}/discussions/{id}/replies", openApi);
    }
}
