using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plenum.Api;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Aid;

/// <summary>/api/v1 endpoints for a group's mutual aid, members only, with the disclosure rules of the pages (<see cref="AidDisclosure"/>).</summary>
public static class AidApi
{
    public sealed record BoardDto(int Total, int Page, int Pages, IReadOnlyList<BoardLine> Needs);
    public sealed record ClaimDto(Guid Id, string? Volunteer, ClaimStatus Status, DateTimeOffset ExpectedBy, int Share, bool Mine, IReadOnlyList<MessageDto>? Messages);
    public sealed record MessageDto(bool FromRequester, string Body, DateTimeOffset At);
    /// <summary>Details, ContactName, Contact and Address are null unless the caller may see them.</summary>
    public sealed record NeedDto(Guid Id, string Category, bool Sensitive, string Area, AidUrgency Urgency, AidTiming Timing, AidStatus Status, DateTimeOffset PostedAt,
        int? Target, string? Unit, int Given, string? Details, string? ContactName, string? Contact, string? Address, Guid? RepeatOf, IReadOnlyList<ClaimDto> Claims);
    public sealed record IntakeRequest(Guid CategoryId, Guid AreaId, AidUrgency Urgency = AidUrgency.ThisWeek, AidTiming Timing = AidTiming.Anytime,
        string? Details = null, string? ContactName = null, string? Contact = null, string? Address = null, int? Target = null, string? Unit = null,
        AidIntake Intake = AidIntake.Phone);
    /// <summary>FollowPath: the requester's follow link, given only in this response.</summary>
    public sealed record IntakeResult(NeedDto Need, string FollowPath);
    public sealed record ClaimRequest(int Hours = 24, int Share = 1);
    public sealed record DecisionRequest(bool NotAgain = false);
    public sealed record MessageRequest(string? Body);

    public static void MapAidApi(this RouteGroupBuilder api)
    {
        var aid = api.MapGroup("/groups/{slug}/aid").WithTags("Mutual aid");
        aid.MapGet("/needs", BoardAsync).WithSummary("The board: open needs, most urgent first, 25 a page; filter by category and area ids. Sensitive kinds only for vetted volunteers and dispatchers.");
        aid.MapPost("/needs", IntakeAsync).WithSummary("A dispatcher enters a need taken by phone or paper; the response carries the requester's follow link, once.");
        aid.MapGet("/needs/{id:guid}", GetAsync).WithSummary("One need: details and contact only for whom the requester accepted (contact also for the dispatcher who entered it).");
        aid.MapPost("/needs/{id:guid}/claims", ClaimAsync).WithSummary("Offer to help by a number of hours (2, 6, 24, 72 or 168); for a need in parts, with a share.");
        aid.MapPost("/needs/{id:guid}/claims/{claim:guid}/accept", (string slug, Guid id, Guid claim, [AsParameters] AidContext context) =>
            DecideAsync(slug, id, claim, true, false, context)).WithSummary("A dispatcher accepts an offer for the requester.");
        aid.MapPost("/needs/{id:guid}/claims/{claim:guid}/decline", (string slug, Guid id, Guid claim, DecisionRequest? request, [AsParameters] AidContext context) =>
            DecideAsync(slug, id, claim, false, request?.NotAgain ?? false, context)).WithSummary("A dispatcher declines an offer (NotAgain: this volunteer never again for this requester).");
        aid.MapPost("/needs/{id:guid}/done", DoneAsync).WithSummary("The accepted volunteer's part is done.");
        aid.MapPost("/needs/{id:guid}/messages", MessageAsync).WithSummary("A message from the accepted volunteer to the requester, through Plenum.");
    }

    /// <summary>The services every endpoint needs, in one parameter.</summary>
    public sealed record AidContext(PlenumDb Db, AidGroups Groups, AidDesk Desk, AidDisclosure Disclosure, AidBoard Board, TimeProvider Clock, ClaimsPrincipal Principal);

    sealed record Caller(Group Group, AidSettings Settings, AidViewer Viewer);

    static async Task<Caller?> CallerAsync(string slug, AidContext c)
    {
        var userId = Guid.Parse(c.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var group = await c.Db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        if (group is null || !await c.Db.Memberships.AnyAsync(m => m.GroupId == group.Id && m.UserId == userId)) return null;
        var settings = await c.Groups.SettingsAsync(group.Id);
        if (settings is null) return null;
        return new Caller(group, settings, new AidViewer(userId, await c.Groups.IsDispatcherAsync(group.Id, userId), await c.Groups.IsVettedAsync(group.Id, userId), false));
    }

    static async Task<(Caller?, AidRequest?, AidNeedView?)> NeedAsync(string slug, Guid id, AidContext c)
    {
        var caller = await CallerAsync(slug, c);
        if (caller is null) return (null, null, null);
        var need = await c.Db.AidRequests.FirstOrDefaultAsync(r => r.Id == id && r.GroupId == caller.Group.Id);
        var view = need is null ? null : await c.Disclosure.ViewAsync(need, caller.Viewer);
        return (caller, view is null ? null : need, view);
    }

    static async Task<IResult> BoardAsync(string slug, Guid? category, Guid? area, int? page, [AsParameters] AidContext c)
    {
        var caller = await CallerAsync(slug, c);
        if (caller is null) return ApiProblems.NotFound("group with mutual aid");
        var (lines, paging) = await c.Board.OpenAsync(caller.Group.Id, new AidBoard.Filter(category, area, caller.Viewer.IsVetted || caller.Viewer.IsDispatcher),
            page, c.Clock.GetUtcNow(), caller.Settings.StaleAfterDays);
        return Results.Ok(new BoardDto(paging.Total, paging.Page, paging.Pages, lines));
    }

    static async Task<IResult> IntakeAsync(string slug, IntakeRequest request, [AsParameters] AidContext c)
    {
        var caller = await CallerAsync(slug, c);
        if (caller is null) return ApiProblems.NotFound("group with mutual aid");
        if (!caller.Viewer.IsDispatcher) return ApiProblems.Refused("Only dispatchers enter needs for others.", StatusCodes.Status403Forbidden);
        try
        {
            if (request.Intake == AidIntake.Self) throw new AidRuleException("Intake is Phone or Paper.");
            var (need, secret) = await c.Desk.PostAsync(caller.Group, new AidDraft(request.CategoryId, request.AreaId, request.Urgency, request.Timing, request.Details,
                request.ContactName, request.Contact, request.Address, request.Target, request.Unit), request.Intake, caller.Viewer.UserId);
            var view = (await c.Disclosure.ViewAsync(need, caller.Viewer))!;
            return Results.Created($"/api/v1/groups/{slug}/aid/needs/{need.Id}", new IntakeResult(ToDto(view), AidFollowLinks.Path(secret)));
        }
        catch (AidRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status422UnprocessableEntity);
        }
    }

    static async Task<IResult> GetAsync(string slug, Guid id, [AsParameters] AidContext c)
    {
        var (_, _, view) = await NeedAsync(slug, id, c);
        return view is null ? ApiProblems.NotFound("need") : Results.Ok(ToDto(view));
    }

    static Task<IResult> ClaimAsync(string slug, Guid id, ClaimRequest request, [AsParameters] AidContext c) =>
        ActAsync(slug, id, c, (caller, need) => c.Desk.ClaimAsync(caller.Group, need, caller.Viewer.UserId!.Value, request.Hours, request.Share));

    static Task<IResult> DecideAsync(string slug, Guid id, Guid claim, bool accept, bool notAgain, AidContext c) =>
        ActAsync(slug, id, c, (caller, need) => caller.Viewer.IsDispatcher
            ? c.Desk.DecideAsync(caller.Group, need, claim, accept, notAgain) : throw new AidRuleException("Only dispatchers accept or decline for the requester."));

    static Task<IResult> DoneAsync(string slug, Guid id, [AsParameters] AidContext c) =>
        ActAsync(slug, id, c, async (caller, need) => await c.Desk.DoneAsync(need, await MyClaimAsync(c, need, caller)));

    static Task<IResult> MessageAsync(string slug, Guid id, MessageRequest request, [AsParameters] AidContext c) =>
        ActAsync(slug, id, c, async (caller, need) => await c.Desk.MessageAsync(caller.Group, need, await MyClaimAsync(c, need, caller), false, request.Body));

    static async Task<AidClaim> MyClaimAsync(AidContext c, AidRequest need, Caller caller) =>
        await c.Db.AidClaims.Where(x => x.RequestId == need.Id && x.VolunteerId == caller.Viewer.UserId && (x.Status == ClaimStatus.Accepted || x.Status == ClaimStatus.Done))
            .OrderByDescending(x => x.CreatedAt).FirstOrDefaultAsync() ?? throw new AidRuleException("You have no accepted claim on this need.");

    static async Task<IResult> ActAsync(string slug, Guid id, AidContext c, Func<Caller, AidRequest, Task> act)
    {
        var (caller, need, _) = await NeedAsync(slug, id, c);
        if (caller is null || need is null) return ApiProblems.NotFound("need");
        try
        {
            await act(caller, need);
        }
        catch (AidRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
        return Results.Ok(ToDto((await c.Disclosure.ViewAsync(need, caller.Viewer))!));
    }

    static NeedDto ToDto(AidNeedView v) => new(v.Request.Id, v.Category, v.Sensitive, v.Area, v.Request.Urgency, v.Request.Timing, v.Request.Status, v.Request.CreatedAt,
        v.Request.Target, v.Request.Unit, v.Given, v.Details, v.ContactName, v.Contact, v.Address, v.Request.RepeatOfId,
        [.. v.Claims.Select(x => new ClaimDto(x.Id, x.Volunteer, x.Status, x.ExpectedBy, x.Share, x.Mine,
            x.Messages.Count == 0 ? null : [.. x.Messages.Select(m => new MessageDto(m.FromRequester, m.Body, m.CreatedAt))]))]);
}
