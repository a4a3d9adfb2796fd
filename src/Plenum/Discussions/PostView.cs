using Microsoft.AspNetCore.Html;
using Plenum.Accounts;

namespace Plenum.Discussions;

/// <summary>What the _Post partial shows of an opening post or a reply.</summary>
public sealed record PostView(string Anchor, string Author, DateTimeOffset WrittenAt, DateTimeOffset? EditedAt, HtmlString Html, string? EditLink, string HistoryLink,
    string AttachmentsLink)
{
    public IReadOnlyList<AttachmentListing> Attachments { get; init; } = [];

    public static PostView Of(Discussion d, User? me, RenderedPost rendered, string threadLink) => new(
        "post", d.Author.DisplayName, d.CreatedAt, d.EditedAt, rendered.Html,
        me?.Id == d.AuthorId ? $"{threadLink}/edit" : null, $"{threadLink}/history", $"{threadLink}/attachments");

    public static PostView Of(DiscussionReply r, User? me, RenderedPost rendered, string threadLink) => new(
        $"reply-{r.Id}", r.Author.DisplayName, r.CreatedAt, r.EditedAt, rendered.Html,
        me?.Id == r.AuthorId ? $"{threadLink}/edit/{r.Id}" : null, $"{threadLink}/history/{r.Id}", $"{threadLink}/attachments");
}
