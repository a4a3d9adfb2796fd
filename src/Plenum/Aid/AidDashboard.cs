using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Aid;

/// <summary>One week of a group's aid, counted: no person, no details.</summary>
public sealed record AidWeek(DateOnly Starts, int Posted, int Claimed, int Fulfilled, int OpenAtEnd, int StuckAtEnd, double? MedianHoursToClaim);

/// <summary>
/// What is open, what is stuck and what got done, week by week, by kind and area: counted from the dates a
/// need keeps after its contact details are purged, so it shows nothing about anyone.
/// </summary>
public sealed class AidDashboard(PlenumDb db)
{
    public const int Weeks = 12;

    public async Task<IReadOnlyList<AidWeek>> WeeksAsync(Guid groupId, Guid? categoryId, Guid? areaId, bool includeSensitive, int staleAfterDays, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7 * (Weeks - 1));
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var query = db.AidRequests.AsNoTracking().Where(r => r.GroupId == groupId && (r.ClosedAt == null || r.ClosedAt >= from));
        if (categoryId is { } category) query = query.Where(r => r.CategoryId == category);
        if (areaId is { } area) query = query.Where(r => r.AreaId == area);
        if (!includeSensitive) query = query.Where(r => !db.AidCategories.Any(c => c.Id == r.CategoryId && c.Sensitive));
        var rows = await query.Select(r => new { r.CreatedAt, r.FirstClaimedAt, r.ClosedAt, r.Status }).ToListAsync(cancellationToken);
        var weeks = new List<AidWeek>();
        for (var w = 0; w < Weeks; w++)
        {
            var starts = from.AddDays(7 * w);
            var ends = starts.AddDays(7);
            var end = ends < now ? ends : now;
            bool In(DateTimeOffset? at) => at >= starts && at < ends;
            var posted = rows.Where(r => In(r.CreatedAt)).ToList();
            var open = rows.Where(r => r.CreatedAt < end && (r.ClosedAt is null || r.ClosedAt >= end)).ToList();
            var waits = posted.Where(r => r.FirstClaimedAt is not null).Select(r => (r.FirstClaimedAt!.Value - r.CreatedAt).TotalHours).Order().ToList();
            weeks.Add(new AidWeek(DateOnly.FromDateTime(starts.UtcDateTime), posted.Count, rows.Count(r => In(r.FirstClaimedAt)),
                rows.Count(r => r.Status == AidStatus.Fulfilled && In(r.ClosedAt)), open.Count,
                open.Count(r => (r.FirstClaimedAt is null || r.FirstClaimedAt >= end) && r.CreatedAt < end.AddDays(-staleAfterDays)),
                waits.Count == 0 ? null : waits[waits.Count / 2]));
        }
        return weeks;
    }
}
