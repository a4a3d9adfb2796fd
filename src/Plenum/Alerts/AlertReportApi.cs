using Plenum.Api;
using Plenum.Infrastructure;
using Plenum.Mail;

namespace Plenum.Alerts;

/// <summary>
/// The public report form as an API, for a network's own hotline tools: no account or token, rate limited
/// like the form; the answer carries the reporter's follow link, once.
/// </summary>
public static class AlertReportApi
{
    public sealed record ZoneDto(Guid Id, string Name);
    public sealed record ReportRequest(Guid ZoneId, string? What, string? Where, DateTimeOffset? SeenAt = null, int? HowMany = null, string? Needed = null, string? ReplyContact = null);
    public sealed record ReportResult(string FollowUrl, string Status);

    public static void MapAlertReportApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/groups/{slug}/alerts/reports").WithTags("Rapid response")
            .AllowAnonymous().RequireRateLimiting(PlenumApp.AlertReportRateLimit);
        reports.MapGet("/zones", ZonesAsync).WithSummary("The areas a network takes public reports for (no account needed).");
        reports.MapPost("", ReportAsync).WithSummary("Report an emergency without an account; the answer's followUrl is given only this once.");
    }

    static async Task<IResult> ZonesAsync(string slug, PublicReports reports) =>
        await reports.OpenAsync(slug) is { } intake
            ? Results.Ok(intake.Zones.Select(z => new ZoneDto(z.Id, z.Name)).ToList())
            : ApiProblems.NotFound("network taking public reports");

    static async Task<IResult> ReportAsync(string slug, ReportRequest? request, PublicReports reports, Mailer mailer, HttpRequest http)
    {
        if (await reports.OpenAsync(slug) is not { } intake) return ApiProblems.NotFound("network taking public reports");
        if (request is null) return ApiProblems.Refused("Send the report as JSON: zoneId, what, where, and optionally seenAt, howMany, needed, replyContact.");
        try
        {
            var taken = await reports.TakeAsync(intake,
                new ReportDraft(request.ZoneId, request.What, request.Where, request.SeenAt, request.HowMany, request.Needed, request.ReplyContact), ReportSource.Api);
            return Results.Json(new ReportResult(mailer.LinkTo(http, ReportFollowLinks.Path(taken.FollowSecret!)), PublicReports.Label(ReportProgress.Received)),
                statusCode: StatusCodes.Status201Created);
        }
        catch (AlertRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status422UnprocessableEntity);
        }
    }
}
