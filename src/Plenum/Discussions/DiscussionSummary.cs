using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Discussions;

/// <summary>A line in a group's list of discussions.</summary>
public sealed record DiscussionSummary(Guid Id, string Title, string Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, bool Closed, int Replies)
{
    public const int PageSize = 20;

    /// <summary>One page, newest activity first, reply counts included in the same query (no query per discussion).</summary>
    public static async Task<(Paging Paging, List<DiscussionSummary> Items)> PageAsync(PlenumDb db, Guid groupId, int? page, CancellationToken cancellationToken = default)
    {
        var inGroup = db.Discussions.Where(d => d.GroupId == groupId);
        var paging = Paging.Of(page, PageSize, await inGroup.CountAsync(cancellationToken));
        var rows = await inGroup.OrderByDescending(d => d.LastActivityAt).ThenBy(d => d.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(d => new
            {
                d.Id, d.Title, d.Author.UserName, d.Author.DeletedAt, d.CreatedAt, d.LastActivityAt, d.ClosedAt,
                Replies = d.Replies.Count(),
            })
            .ToListAsync(cancellationToken);
        return (paging, rows.Select(r => new DiscussionSummary(r.Id, r.Title,
            r.DeletedAt is null ? r.UserName ?? "" : User.FormerMember, r.CreatedAt, r.LastActivityAt, r.ClosedAt is not null, r.Replies)).ToList());
    }
}
