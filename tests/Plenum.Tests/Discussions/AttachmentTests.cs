using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Discussions;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Infrastructure.WebSession;

namespace Plenum.Tests.Discussions;

/// <summary>Files on discussion posts, through the real pages: uploaded, listed, downloaded, refused, encrypted and deleted with their post.</summary>
public sealed class AttachmentTests(AttachmentServerFixture fixture) : IClassFixture<AttachmentServerFixture>
{
    PlenumServer Server => fixture.Server;
    WebSession Admin => fixture.Admin;

    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    static byte[] Png(int size = 2000) => [.. PngSignature, .. RandomNumberGenerator.GetBytes(size - PngSignature.Length)];
    static byte[] Pdf(int size = 3000) => [.. "%PDF-1.7\n"u8, .. RandomNumberGenerator.GetBytes(size - 9)];
    static Upload Attach(string name, byte[] content) => new("Files", name, content);
    static Upload Attach(string name, string text) => new("Files", name, Encoding.UTF8.GetBytes(text), "text/plain");

    async Task<string> CreateGroupAsync(string name, string kind = "AffinityGroup", string policy = "InviteOnly")
    {
        var form = await Admin.GetAsync("/groups/new");
        var created = await Admin.SubmitAsync(form, null, new Dictionary<string, string> { ["Form.Name"] = name, ["Form.Kind"] = kind, ["Form.JoinPolicy"] = policy });
        return created.Path.Split('/').Last();
    }

    async Task<WebSession> MemberAsync(string slug, string pseudonym)
    {
        var invite = await Admin.SubmitAsync(await Admin.GetAsync($"/groups/{slug}/invite"), "form[action*='Create']");
        var link = invite.Document.QuerySelector("#new-link")?.TextContent ?? throw new InvalidOperationException(invite.Text);
        var session = Server.NewSession();
        await session.RegisterAsync(new Uri(link).AbsolutePath, pseudonym);
        return session;
    }

    static async Task<Page> StartAsync(WebSession session, string slug, string title, params Upload[] files) =>
        await session.SubmitWithFilesAsync(await session.GetAsync($"/groups/{slug}/discussions/new"), null,
            new Dictionary<string, string> { ["Form.Title"] = title, ["Form.Body"] = "See the files." }, files);

    static Task<Page> ReplyAsync(WebSession session, Page thread, string body, params Upload[] files) =>
        session.SubmitWithFilesAsync(thread, "#reply-form", new Dictionary<string, string> { ["Reply.Body"] = body }, files);

    static List<(string Name, string Href)> Links(Page page, string postSelector) =>
        page.Document.QuerySelectorAll($"{postSelector} ul.attachments a")
            .Select(a => (a.QuerySelector(".file-name")!.TextContent, a.GetAttribute("href")!)).ToList();

    Task<int> CountAsync<T>(Func<Plenum.Data.PlenumDb, IQueryable<T>> query) => Server.WithDbAsync(db => query(db).CountAsync());

    [Fact]
    public async Task Members_attach_files_to_a_thread_and_a_reply_and_download_them_unchanged()
    {
        var slug = await CreateGroupAsync("Flyer crew");
        using var rosa = await MemberAsync(slug, "rosa-files");
        byte[] pdf = Pdf(), png = Png();

        var thread = await StartAsync(Admin, slug, "Flyer draft", Attach("draft flyer.pdf", pdf), Attach("photo.png", png));
        var opening = Links(thread, "#post");
        Assert.Equal(["draft flyer.pdf", "photo.png"], opening.Select(l => l.Name));
        Assert.Contains("3 KB", thread.Document.QuerySelector("#post ul.attachments")!.TextContent);
        Assert.Equal(opening[1].Href, thread.Document.QuerySelector("#post ul.attachments img.thumbnail")?.GetAttribute("src"));
        Assert.Single(thread.Document.QuerySelectorAll("#post ul.attachments img"));

        var replied = await ReplyAsync(rosa, await rosa.GetAsync(thread.Path), "Addresses for the drop", Attach("streets.csv", "street,flats\nMill Lane,12"));
        var reply = Links(replied, "article.post[id^='reply-']");
        Assert.Equal("streets.csv", Assert.Single(reply).Name);

        var pdfDownload = await rosa.Http.GetAsync(opening[0].Href);
        Assert.Equal(HttpStatusCode.OK, pdfDownload.StatusCode);
        Assert.Equal(pdf, await pdfDownload.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", pdfDownload.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdfDownload.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("draft flyer.pdf", pdfDownload.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", pdfDownload.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", pdfDownload.Headers.CacheControl?.ToString());

        var pngDownload = await Admin.Http.GetAsync(opening[1].Href);
        Assert.Equal(png, await pngDownload.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", pngDownload.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", pngDownload.Content.Headers.ContentDisposition?.DispositionType);

        var csvDownload = await Admin.Http.GetAsync(reply[0].Href);
        Assert.Equal("street,flats\nMill Lane,12", await csvDownload.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", csvDownload.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csvDownload.Content.Headers.ContentDisposition?.DispositionType);

        // Outsiders learn nothing: a member of the instance gets 404, a visitor is sent to log in.
        using var outsider = await Server.NewMemberAsync("outsider-files");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync(opening[0].Href)).StatusCode);
        using var anonymous = Server.NewSession();
        Assert.Equal("/accounts/login", (await anonymous.GetAsync(opening[0].Href)).Path);
        // A file is reached only under its own thread.
        var other = await StartAsync(Admin, slug, "Another thread");
        var fileId = opening[0].Href.Split('/').Last();
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.Http.GetAsync($"{other.Path}/attachments/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task An_open_groups_members_read_files_too_but_outsiders_do_not()
    {
        var slug = await CreateGroupAsync("Open pantry", kind: "Assembly", policy: "Open");
        var thread = await StartAsync(Admin, slug, "Stock list", Attach("stock.txt", "rice, beans"));
        var link = Assert.Single(Links(thread, "#post")).Href;
        Assert.Equal("rice, beans", await Admin.Http.GetStringAsync(link));
        using var outsider = await Server.NewMemberAsync("outsider-pantry");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Names_are_always_encrypted_at_rest_and_contents_in_closed_groups()
    {
        const string closedContent = "closed-secret: Marta, flat 4, owes nothing", openContent = "open-visible: soup on sunday";
        var closed = await CreateGroupAsync("Sealed files");
        var open = await CreateGroupAsync("Open files", kind: "Assembly", policy: "Open");
        await StartAsync(Admin, closed, "List", Attach("closed-name-tenants.csv", closedContent));
        await StartAsync(Admin, open, "Menu", Attach("open-name-menu.txt", openContent));

        var raw = await RawDatabase.TextAsync(Server);
        Assert.DoesNotContain("closed-secret", raw);
        Assert.DoesNotContain(RawDatabase.Hex("closed-secret"), raw);
        Assert.DoesNotContain("closed-name-tenants", raw);
        Assert.DoesNotContain("open-name-menu", raw);
        // The same scan does see an open group's content, so it would have seen the closed one's.
        Assert.True(raw.Contains("open-visible") || raw.Contains(RawDatabase.Hex("open-visible")));

        var privacy = await Admin.GetAsync("/privacy");
        Assert.Contains("Files attached to discussion posts", privacy.Text);
    }

    [Fact]
    public async Task Files_stored_while_a_group_was_open_are_encrypted_once_it_closes()
    {
        const string content = "sealed-later: the meeting moves to the garage";
        var slug = await CreateGroupAsync("Turning closed", kind: "Assembly", policy: "Open");
        var thread = await StartAsync(Admin, slug, "Venue", Attach("venue.txt", content));
        var link = Assert.Single(Links(thread, "#post")).Href;
        var raw = await RawDatabase.TextAsync(Server);
        Assert.True(raw.Contains("sealed-later") || raw.Contains(RawDatabase.Hex("sealed-later")));

        await Admin.SubmitAsync(await Admin.GetAsync($"/groups/{slug}/settings"), null, new Dictionary<string, string> { ["Form.JoinPolicy"] = "InviteOnly" });
        await Server.RunHousekeepingAsync();

        raw = await RawDatabase.TextAsync(Server);
        Assert.DoesNotContain("sealed-later", raw);
        Assert.DoesNotContain(RawDatabase.Hex("sealed-later"), raw);
        Assert.Equal(content, await Admin.Http.GetStringAsync(link));
    }

    [Fact]
    public async Task Refused_files_are_named_and_nothing_of_the_post_is_saved()
    {
        var slug = await CreateGroupAsync("Strict uploads");
        Task<int> Discussions() => CountAsync(db => db.Discussions.Where(d => d.Group.Slug == slug));
        var filesBefore = await CountAsync(db => db.DiscussionAttachments);

        var tooBig = await StartAsync(Admin, slug, "Too big", Attach("minutes.txt", "fine"), Attach("scan.pdf", Pdf(100_000)),
            Attach("photo.png", Png((int)AttachmentServerFixture.MaxFileBytes + 1)));
        Assert.Contains("“scan.pdf” is too large (98 KB); each file may be at most 64 KB.", tooBig.Text);
        Assert.Contains("“photo.png” is too large", tooBig.Text);
        Assert.DoesNotContain("minutes.txt", tooBig.Text);
        Assert.Contains("Nothing was posted", tooBig.Text);
        Assert.NotNull(tooBig.Document.QuerySelector("input[type=file][aria-invalid='true']"));
        Assert.Equal("Too big", tooBig.Document.QuerySelector("input#Form_Title")?.GetAttribute("value"));

        var wrongType = await StartAsync(Admin, slug, "Wrong type", Attach("tool.exe", [0x4D, 0x5A, 0x90, 0x00]), Attach("page.svg", "<svg/>"));
        Assert.Contains("“tool.exe” is not a kind of file Plenum takes.", wrongType.Text);
        Assert.Contains("“page.svg” is not a kind of file Plenum takes.", wrongType.Text);

        var disguised = await StartAsync(Admin, slug, "Disguised", Attach("holiday.png", "<html><script>alert(1)</script></html>"));
        Assert.Contains("“holiday.png” does not look like a PNG image", disguised.Text);

        var tooMany = await StartAsync(Admin, slug, "Too many", [.. Enumerable.Range(1, 6).Select(n => Attach($"note-{n}.txt", "a note"))]);
        Assert.Contains("Attach at most 5 files to one post (you chose 6).", tooMany.Text);

        var empty = await StartAsync(Admin, slug, "Empty", Attach("blank.txt", ""));
        Assert.Contains("“blank.txt” is empty.", empty.Text);

        Assert.Equal(0, await Discussions());
        Assert.Equal(filesBefore, await CountAsync(db => db.DiscussionAttachments));

        var thread = await StartAsync(Admin, slug, "Fine thread");
        var refusedReply = await ReplyAsync(Admin, thread, "Here is the tool", Attach("tool.exe", [0x4D, 0x5A]));
        Assert.Contains("“tool.exe” is not a kind of file Plenum takes.", refusedReply.Text);
        Assert.Equal("Here is the tool", refusedReply.Document.QuerySelector("#reply-form textarea")?.TextContent);
        Assert.Equal(0, await CountAsync(db => db.DiscussionReplies.Where(r => r.Discussion.Group.Slug == slug)));
        Assert.Equal(filesBefore, await CountAsync(db => db.DiscussionAttachments));

        var atTheLimit = await ReplyAsync(Admin, thread, "Exactly as large as allowed", Attach("full.png", Png((int)AttachmentServerFixture.MaxFileBytes)));
        Assert.Equal("full.png", Assert.Single(Links(atTheLimit, "article.post[id^='reply-']")).Name);
    }

    [Fact]
    public async Task An_upload_over_the_request_limit_gets_a_clear_error_page_and_saves_nothing()
    {
        var slug = await CreateGroupAsync("Huge uploads");
        var form = await Admin.GetAsync($"/groups/{slug}/discussions/new");
        var limit = Server.Options.Attachments.MaxRequestBytes;

        var refused = await Admin.SubmitWithFilesAsync(form, null, new Dictionary<string, string> { ["Form.Title"] = "Huge", ["Form.Body"] = "big" },
            Attach("archive.pdf", Pdf((int)limit + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Contains("Too large", refused.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("nothing was saved", refused.Text);
        Assert.Contains("at most 64 KB each", refused.Text);
        Assert.Equal(0, await CountAsync(db => db.Discussions.Where(d => d.Group.Slug == slug)));
        // Whatever the limit lets through is held in memory, never spooled unencrypted to a temporary file.
        var formOptions = Server.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Features.FormOptions>>().Value;
        Assert.True(formOptions.MemoryBufferThreshold >= limit);
    }

    [Fact]
    public async Task A_thread_page_lists_all_its_files_in_one_query_that_reads_no_content()
    {
        var slug = await CreateGroupAsync("Many files");
        var thread = await StartAsync(Admin, slug, "Photos of the action", [.. Enumerable.Range(1, 5).Select(n => Attach($"opening-{n}.png", Png()))]);
        for (var n = 1; n <= 4; n++)
            thread = await ReplyAsync(Admin, thread, $"Batch {n}", [.. Enumerable.Range(1, 5).Select(m => Attach($"reply-{n}-{m}.png", Png()))]);

        var logged = Server.Logs.Lines.Count;
        var page = await Admin.GetAsync(thread.Path);
        var queries = Server.Logs.Lines.Skip(logged).Where(l => l.Contains("Executed DbCommand") && l.Contains("\"DiscussionAttachments\"")).ToList();

        Assert.Equal(25, page.Document.QuerySelectorAll("ul.attachments li").Length);
        var query = Assert.Single(queries);
        Assert.DoesNotContain(".\"Content\"", query);
    }

    [Fact]
    public async Task Deleting_a_reply_or_a_discussion_deletes_its_files()
    {
        var slug = await CreateGroupAsync("Deleting files");
        var thread = await StartAsync(Admin, slug, "Short-lived", Attach("opening.txt", "one"));
        var replied = await ReplyAsync(Admin, thread, "with a file", Attach("reply.txt", "two"));
        var replyId = Guid.Parse(replied.Document.QuerySelector("article.post[id^='reply-']")!.Id!["reply-".Length..]);
        var discussionId = Guid.Parse(thread.Path.Split('/').Last());
        Task<int> Files() => CountAsync(db => db.DiscussionAttachments.Where(a => a.DiscussionId == discussionId));
        Assert.Equal(2, await Files());

        await Server.WithDbAsync(db => db.DiscussionReplies.Where(r => r.Id == replyId).ExecuteDeleteAsync());
        Assert.Equal(1, await Files());
        await Server.WithDbAsync(db => db.Discussions.Where(d => d.Id == discussionId).ExecuteDeleteAsync());
        Assert.Equal(0, await Files());
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

    static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "files", name);
        return form;
    }

    [Fact]
    public async Task Api_attaches_lists_and_downloads_files_for_authors_and_members_only()
    {
        var slug = await CreateGroupAsync("Api files");
        using var sam = await MemberAsync(slug, "sam-api-files");
        using var admin = await ApiClientAsync(ServerFixture.AdminPseudonym);
        using var samApi = await ApiClientAsync("sam-api-files");
        var created = await admin.PostAsJsonAsync($"/api/v1/groups/{slug}/discussions", new { title = "Scanned letters", body = "From the landlord" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var png = Png();

        var attached = await admin.PostAsync($"/api/v1/groups/{slug}/discussions/{id}/attachments", Files(("letter.png", png), ("letter.txt", "Dear tenant"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var files = await attached.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["letter.png", "letter.txt"], files.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order());

        var reply = await samApi.PostAsJsonAsync($"/api/v1/groups/{slug}/discussions/{id}/replies", new { body = "My copy" });
        var replyId = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Only a post's author adds files to it.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/groups/{slug}/discussions/{id}/replies/{replyId}/attachments", Files(("mine.txt", "x"u8.ToArray())))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await samApi.PostAsync($"/api/v1/groups/{slug}/discussions/{id}/replies/{replyId}/attachments", Files(("copy.pdf", Pdf())))).StatusCode);

        var thread = await samApi.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/discussions/{id}");
        var opening = thread.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["letter.png", "letter.txt"], opening.Select(f => f.GetProperty("name").GetString()));
        var image = opening[0];
        Assert.Equal("image/png", image.GetProperty("contentType").GetString());
        Assert.Equal(png.Length, image.GetProperty("size").GetInt64());
        var replyFile = Assert.Single(Assert.Single(thread.GetProperty("replies").EnumerateArray()).GetProperty("attachments").EnumerateArray());
        Assert.Equal("copy.pdf", replyFile.GetProperty("name").GetString());

        var download = await samApi.GetAsync(image.GetProperty("url").GetString());
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // Refusals: each problem names its file; a post never carries more than the limit.
        var refused = await admin.PostAsync($"/api/v1/groups/{slug}/discussions/{id}/attachments", Files(("run.sh", "#!/bin/sh"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("“run.sh” is not a kind of file", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("files")[0].GetString());
        var full = await admin.PostAsync($"/api/v1/groups/{slug}/discussions/{id}/attachments", Files([.. Enumerable.Range(1, 4).Select(n => ($"more-{n}.txt", "more"u8.ToArray()))]));
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("at most 5 files; this one has 2 already", await full.Content.ReadAsStringAsync());
        Assert.Equal(3, await CountAsync(db => db.DiscussionAttachments.Where(a => a.DiscussionId == id)));

        using var outsiderSession = await Server.NewMemberAsync("outsider-api-files");
        using var outsider = await ApiClientAsync("outsider-api-files");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(image.GetProperty("url").GetString())).StatusCode);

        var openApi = await admin.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/groups/{slug}/discussions/{id}/replies/{replyId}/attachments", openApi);
        Assert.Contains("multipart/form-data", openApi);
    }
}
