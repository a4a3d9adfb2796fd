using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Discussions;

namespace Plenum.Aid;

/// <summary>One line of the board: what anyone in the group may see (kind, area, timing, progress), never who or where exactly.</summary>
public sealed record BoardLine(Guid Id, string Category, bool Sensitive, string Area, AidUrgency Urgency, AidTiming Timing, DateTimeOffset PostedAt,
    int? Target, string? Unit, int Given, bool Claimed, bool Stuck, Guid? RepeatOfId);

/// <summary>
/// The open needs of a group, most urgent then oldest first, a page at a time, filtered by kind and area.
/// Sensitive kinds are left out for volunteers the group has not vetted. Served by the (GroupId, Status, Urgency, CreatedAt, Id) index, in its order; the count by (GroupId, Status, CategoryId, AreaId).
/// </summary>
public sealed class AidBoard(PlenumDb db)
{
    public const int PageSize = 25;

    public sealed record Filter(Guid? CategoryId, Guid? AreaId, bool IncludeSensitive);

    public async Task<(IReadOnlyList<BoardLine> Lines, Paging Paging)> OpenAsync(Guid groupId, Filter filter, int? page, DateTimeOffset now, int staleAfterDays,
        CancellationToken cancellationToken = default)
    {
        var categories = await db.AidCategories.Where(c => c.GroupId == groupId).ToDictionaryAsync(c => c.Id, cancellationToken);
        var areas = await db.AidAreas.Where(a => a.GroupId == groupId).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var query = db.AidRequests.AsNoTracking().Where(r => r.GroupId == groupId && r.Status == AidStatus.Open);
        if (filter.CategoryId is { } category) query = query.Where(r => r.CategoryId == category);
        if (filter.AreaId is { } area) query = query.Where(r => r.AreaId == area);
        if (!filter.IncludeSensitive)
        {
            var hidden = categories.Values.Where(c => c.Sensitive).Select(c => c.Id).ToList();
            if (hidden.Count > 0) query = query.Where(r => !hidden.Contains(r.CategoryId));
        }
        var paging = Paging.Of(page, PageSize, await query.CountAsync(cancellationToken));
        var rows = await query.OrderBy(r => r.Urgency).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(r => new { r.Id, r.CategoryId, r.AreaId, r.Urgency, r.Timing, r.CreatedAt, r.StillNeededAt, r.Target, r.Unit, r.RepeatOfId })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var claims = await db.AidClaims.Where(c => ids.Contains(c.RequestId) && (c.Status == ClaimStatus.Offered || c.Status == ClaimStatus.Accepted || c.Status == ClaimStatus.Done))
            .Select(c => new { c.RequestId, c.Status, c.Share }).ToListAsync(cancellationToken);
        var byRequest = claims.ToLookup(c => c.RequestId);
        var staleBefore = now.AddDays(-staleAfterDays);
        return ([.. rows.Select(r => new BoardLine(r.Id, categories[r.CategoryId].Name, categories[r.CategoryId].Sensitive, areas[r.AreaId], r.Urgency, r.Timing,
            r.CreatedAt, r.Target, r.Unit, byRequest[r.Id].Where(c => c.Status == ClaimStatus.Done).Sum(c => c.Share),
            byRequest[r.Id].Any(c => c.Status != ClaimStatus.Done), !byRequest[r.Id].Any() && r.StillNeededAt < staleBefore, r.RepeatOfId))], paging);
    }
}
