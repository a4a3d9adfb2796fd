using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Api;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

/// <summary>
/// /api/v1 endpoints for a group's discussions (members only). Bodies are Markdown; bodyHtml is the sanitised rendering the pages show.
/// Posts list their files with a download URL; files are added with the endpoints in <see cref="DiscussionAttachmentsApi"/>.
/// </summary>
public static class DiscussionsApi
{
    public sealed record DiscussionPageDto(int Page, int Pages, int Total, IReadOnlyList<DiscussionSummary> Discussions);
    public sealed record AttachmentDto(Guid Id, string Name, long Size, string ContentType, string Url);
    public sealed record ReplyDto(Guid Id, string Author, string Body, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
        IReadOnlyList<AttachmentDto> Attachments);
    public sealed record ThreadDto(Guid Id, string Title, string Author, string Body, string BodyHtml, DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt, DateTimeOffset LastActivityAt, bool Closed, IReadOnlyList<AttachmentDto> Attachments,
        int Page, int Pages, int TotalReplies, IReadOnlyList<ReplyDto> Replies);

    public static void MapDiscussionsApi(this RouteGroupBuilder api)
    {
        var discussions = api.MapGroup("/groups/{slug}/discussions").WithTags("Discussions");
        discussions.MapGet("/", ListAsync).WithSummary("A group's discussions, newest activity first, 20 per page.");
        discussions.MapPost("/", StartAsync).WithSummary("Start a discussion (title 3–200 characters, Markdown body up to 20000).");
        discussions.MapGet("/{id:guid}", GetAsync).WithSummary("One discussion with a page of its replies (50 per page, oldest first).");
        discussions.MapPost("/{id:guid}/replies", ReplyAsync).WithSummary("Reply to a discussion.");
        discussions.MapAttachmentsApi();
    }

    internal static Guid UserId(ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>The group if the caller is a member; otherwise the refusal (404 for closed groups, whose existence outsiders must not learn).</summary>
    internal static async Task<(Group? Group, IResult? Refusal)> MemberGroupAsync(PlenumDb db, string slug, ClaimsPrincipal principal)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        if (group is null) return (null, ApiProblems.NotFound("group"));
        var userId = UserId(principal);
        if (await db.Memberships.AnyAsync(m => m.GroupId == group.Id && m.UserId == userId)) return (group, null);
        return (null, group.IsClosed
            ? ApiProblems.NotFound("group")
            : ApiProblems.Refused("Only members can read and write this group's discussions.", StatusCodes.Status403Forbidden));
    }

    static Dictionary<string, string[]> Validate(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(n => (Field: n, Message: r.ErrorMessage ?? "Invalid.")))
            .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
    }

    static async Task<IResult> ListAsync(string slug, int? page, PlenumDb db, ClaimsPrincipal principal)
    {
        var (group, refusal) = await MemberGroupAsync(db, slug, principal);
        if (group is null) return refusal!;
        var (paging, items) = await DiscussionSummary.PageAsync(db, group.Id, page);
        return Results.Ok(new DiscussionPageDto(paging.Page, paging.Pages, paging.Total, items));
    }

    static async Task<IResult> StartAsync(string slug, DiscussionForm form, PlenumDb db, DiscussionBoard board, ClaimsPrincipal principal, MarkdownRenderer markdown)
    {
        var (group, refusal) = await MemberGroupAsync(db, slug, principal);
        if (group is null) return refusal!;
        var errors = Validate(form);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        try
        {
            var discussion = await board.StartAsync(group, UserId(principal), form);
            return Results.Created($"/api/v1/groups/{slug}/discussions/{discussion.Id}", await ThreadAsync(db, group, discussion.Id, 1, markdown));
        }
        catch (GroupRuleException rule) { return ApiProblems.Refused(rule.Message, StatusCodes.Status409Conflict); }
    }

    static async Task<IResult> GetAsync(string slug, Guid id, int? page, PlenumDb db, ClaimsPrincipal principal, MarkdownRenderer markdown)
    {
        var (group, refusal) = await MemberGroupAsync(db, slug, principal);
        if (group is null) return refusal!;
        var thread = await ThreadAsync(db, group, id, page, markdown);
        return thread is null ? ApiProblems.NotFound("discussion") : Results.Ok(thread);
    }

    static async Task<IResult> ReplyAsync(string slug, Guid id, ReplyForm form, PlenumDb db, DiscussionBoard board, ClaimsPrincipal principal, MarkdownRenderer markdown)
    {
        var (group, refusal) = await MemberGroupAsync(db, slug, principal);
        if (group is null) return refusal!;
        var discussion = await db.Discussions.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == group.Id);
        if (discussion is null) return ApiProblems.NotFound("discussion");
        var errors = Validate(form);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        try
        {
            var reply = await board.ReplyAsync(group, discussion, UserId(principal), form);
            var author = await db.Users.SingleAsync(u => u.Id == reply.AuthorId);
            var html = markdown.Render(reply.Body, await MentionTargets.ForGroupAsync(db, group)).Html.Value ?? "";
            return Results.Created($"/api/v1/groups/{slug}/discussions/{id}?page={await board.PageOfAsync(reply)}",
                new ReplyDto(reply.Id, author.DisplayName, reply.Body, html, reply.CreatedAt, reply.EditedAt, []));
        }
        catch (GroupRuleException rule) { return ApiProblems.Refused(rule.Message, StatusCodes.Status409Conflict); }
    }

    static async Task<ThreadDto?> ThreadAsync(PlenumDb db, Group group, Guid id, int? page, MarkdownRenderer markdown)
    {
        var d = await db.Discussions.Include(x => x.Author).FirstOrDefaultAsync(x => x.Id == id && x.GroupId == group.Id);
        if (d is null) return null;
        var mentions = await MentionTargets.ForGroupAsync(db, group);
        var replies = db.DiscussionReplies.Where(r => r.DiscussionId == id);
        var paging = Paging.Of(page, DiscussionBoard.RepliesPerPage, await replies.CountAsync());
        var rows = await replies.Include(r => r.Author).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync();
        var files = await AttachmentListing.ForPostsAsync(db, id, rows.Select(r => r.Id).ToList());
        string Html(string body) => markdown.Render(body, mentions).Html.Value ?? "";
        List<AttachmentDto> Files(Guid? replyId) => files[replyId].Select(f => ToDto(f, group.Slug, id)).ToList();
        return new ThreadDto(d.Id, d.Title, d.Author.DisplayName, d.Body, Html(d.Body), d.CreatedAt, d.EditedAt, d.LastActivityAt,
            d.IsClosed, Files(null), paging.Page, paging.Pages, paging.Total,
            rows.Select(r => new ReplyDto(r.Id, r.Author.DisplayName, r.Body, Html(r.Body), r.CreatedAt, r.EditedAt, Files(r.Id))).ToList());
    }

    internal static AttachmentDto ToDto(AttachmentListing file, string slug, Guid discussionId) => new(
        file.Id, file.FileName, file.Size, file.ContentType, $"/api/v1/groups/{slug}/discussions/{discussionId}/attachments/{file.Id}");
}
