using Plenum.Infrastructure;
using Plenum.Mail;

namespace Plenum.Events;

/// <summary>
/// GET /calendar/{secret}.ics: a private feed for calendar apps, which send no cookie. The secret is the
/// only key. Nothing about the fetch is stored or logged, and the client address is already erased.
/// </summary>
public static class CalendarFeedEndpoint
{
    public static void MapCalendarFeeds(this WebApplication app) =>
        app.MapGet("/calendar/{secret}.ics", async (string secret, CalendarFeeds feeds, Mailer links, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var calendar = await feeds.ReadAsync(secret, (group, id) => links.LinkTo(request, EventPaths.Of(group, id)), cancellationToken);
                if (calendar is null) return Results.NotFound();
                // Personal: no shared cache may keep it.
                response.Headers.CacheControl = "private";
                return Results.Text(calendar, EventCalendar.ContentType);
            })
            .RequireRateLimiting(PlenumApp.CalendarFeedRateLimit)
            .ExcludeFromDescription();
}
