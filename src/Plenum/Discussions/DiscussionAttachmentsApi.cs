using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Api;
using Plenum.Data;
using Plenum.Groups;
using static Plenum.Discussions.DiscussionsApi;

namespace Plenum.Discussions;

/// <summary>/api/v1 endpoints for files on posts: a post's author adds them (multipart), members download them.</summary>
public static class DiscussionAttachmentsApi
{
    public static void MapAttachmentsApi(this RouteGroupBuilder discussions)
    {
        var limits = ((IEndpointRouteBuilder)discussions).ServiceProvider.GetRequiredService<AttachmentOptions>();
        var uploadLimit = new RequestSizeLimitAttribute(limits.MaxRequestBytes);
        var kinds = $"at most {limits.MaxFilesPerPost} per post, {FileSizes.Describe(limits.MaxFileBytes)} each; {AttachmentTypes.AllowedInWords}";
        discussions.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithSummary("Download a file of a post: images inline, anything else as an attachment.");
        // Tokens, not cookies, authenticate the API, so a form posted from another site carries no credentials: no antiforgery token needed.
        discussions.MapPost("/{id:guid}/attachments", (string slug, Guid id, IFormFileCollection files, PlenumDb db, DiscussionBoard board,
                AttachmentIntake intake, ClaimsPrincipal principal) => AttachAsync(slug, id, null, files, db, board, intake, principal))
            .WithSummary($"Attach files to your opening post (multipart/form-data; {kinds}).")
            .DisableAntiforgery().WithMetadata(uploadLimit);
        discussions.MapPost("/{id:guid}/replies/{replyId:guid}/attachments", (string slug, Guid id, Guid replyId, IFormFileCollection files, PlenumDb db,
                DiscussionBoard board, AttachmentIntake intake, ClaimsPrincipal principal) => AttachAsync(slug, id, replyId, files, db, board, intake, principal))
            .WithSummary($"Attach files to your reply (multipart/form-data; {kinds}).")
            .DisableAntiforgery().WithMetadata(uploadLimit);
    }

    static async Task<IResult> DownloadAsync(string slug, Guid id, Guid attachmentId, PlenumDb db, AttachmentVault vault, ClaimsPrincipal principal, HttpResponse response)
    {
        var (group, refusal) = await MemberGroupAsync(db, slug, principal);
        if (group is null) return refusal!;
        var attachment = await db.DiscussionAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.DiscussionId == id && a.Discussion.GroupId == group.Id);
        if (attachment is null) return ApiProblems.NotFound("file");
        AttachmentDownload.SetHeaders(response, attachment);
        return Results.File(vault.Open(attachment), attachment.ContentType);
    }

    static async Task<IResult> AttachAsync(string slug, Guid id, Guid? replyId, IFormFileCollection files, PlenumDb db, DiscussionBoard board,
        AttachmentIntake intake, ClaimsPrincipal principal)
    {
        var (group, refusal) = await MemberGroupAsync(db, slug, principal);
        if (group is null) return refusal!;
        var discussion = await db.Discussions.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == group.Id);
        if (discussion is null) return ApiProblems.NotFound("discussion");
        var reply = replyId is null ? null : await db.DiscussionReplies.FirstOrDefaultAsync(r => r.Id == replyId && r.DiscussionId == id);
        if (replyId is not null && reply is null) return ApiProblems.NotFound("reply");
        // As with editing: only the author changes what a post carries.
        if ((reply?.AuthorId ?? discussion.AuthorId) != UserId(principal))
            return ApiProblems.Refused("Only the post's author can attach files to it.", StatusCodes.Status403Forbidden);
        var read = await intake.ReadAsync(files);
        if (!read.Accepted) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["files"] = [.. read.Problems] });
        if (read.Files.Count == 0) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["files"] = ["Send at least one file."] });
        try
        {
            var stored = await board.AttachAsync(group, discussion, reply, read.Files);
            return Results.Created($"/api/v1/groups/{slug}/discussions/{id}",
                stored.Select(a => ToDto(new AttachmentListing(a.Id, a.ReplyId, a.FileName, a.ContentType, a.Size), slug, id)).ToList());
        }
        catch (GroupRuleException rule) { return ApiProblems.Refused(rule.Message, StatusCodes.Status409Conflict); }
    }
}
