using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plenum.Api;
using Plenum.Counting.Proposals;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>/api/v1 endpoints to run a decision end to end: list, propose, vote, close when due, read the outcome.</summary>
public static class DecisionsApi
{
    public sealed record DecisionDto(Guid Id, string Class, DecisionType Type, IReadOnlyList<string> Options, int Seats, int MaxChoices,
        string Title, string Text, bool Secret, int RulebookVersion,
        DateTimeOffset OpenedAt, DateTimeOffset ClosesAt, DecisionStatus Status, ProposalResult? Result, string? Outcome,
        IReadOnlyList<string> Positions, IReadOnlyDictionary<string, long>? Counts, int Round, Guid? PreviousRound,
        /// <summary>The full count of a closed poll, ranking, election, score, dot vote or time poll, as `plenum tally --json` prints it.</summary>
        System.Text.Json.JsonElement? Count);
    public sealed record ProposeRequest(string Class, string Title, string Text, DateTimeOffset ClosesAt, bool Secret = false, string? RulebookTemplate = null,
        DecisionType Type = DecisionType.Proposal, IReadOnlyList<string>? Options = null, int Seats = 1, int MaxChoices = 1, string? TimeZone = null, int Points = 5,
        Guid? PreviousRound = null, int ReviewAfterMonths = 12, DateOnly? ValidUntil = null, Guid? ReplacesAgreement = null);
    /// <summary>A position (proposal) with an optional reason, or a choice: option numbers chosen (poll) or best first (ranking, election).</summary>
    /// <summary>ProxyFor: the member whose vote you carry by proxy, when casting theirs.</summary>
    public sealed record VoteRequest(string? Position = null, string? Reason = null, string? Receipt = null, IReadOnlyList<int>? Choice = null, Guid? ProxyFor = null);
    public sealed record ProxyRequest(Guid Holder);
    public sealed record VoteReceipt(string? Receipt);

    public static void MapDecisionsApi(this RouteGroupBuilder api)
    {
        var decisions = api.MapGroup("/groups/{slug}/decisions").WithTags("Decisions");
        decisions.MapGet("/", ListAsync).WithSummary("A group's decisions, open first (members only).");
        decisions.MapPost("/", ProposeAsync).WithSummary("Propose a decision; refused with the rule it breaks when the rulebook does not allow it.");
        decisions.MapGet("/{id:guid}", GetAsync).WithSummary("One decision; counts once you voted or once it closed; the declared outcome once closed.");
        decisions.MapPost("/{id:guid}/votes", VoteAsync).WithSummary("Cast or change your vote (or, with proxyFor, the vote you carry). A secret ballot answers with a receipt code (shown only here).");
        decisions.MapPost("/{id:guid}/close", CloseAsync).WithSummary("Close voting now and declare the outcome: the proposer or a coordinator, once the rulebook's shortest voting period is over or everyone has voted.");
        decisions.MapPut("/{id:guid}/proxy", GiveProxyAsync).WithSummary("Hand your vote on this decision to another member, where the rulebook allows proxies.");
        decisions.MapDelete("/{id:guid}/proxy", TakeBackProxyAsync).WithSummary("Take your proxy back, while it has not been used.");
    }

    static async Task<(Group? Group, Membership? Membership)> MemberAsync(PlenumDb db, string slug, ClaimsPrincipal principal)
    {
        var userId = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        var membership = group is null ? null : await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId);
        if (membership is null && group is not null) membership = await Federations.FederationMembership.AsDelegateAsync(db, group, userId);
        return membership is null ? (null, null) : (group, membership);
    }

    static async Task<IResult> ListAsync(string slug, PlenumDb db, DecisionCloser closer, Rulebooks rulebooks, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (group, _) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        await closer.CloseDueInGroupAsync(group.Id, clock.GetUtcNow());
        var decisions = await db.Decisions.Where(d => d.GroupId == group.Id)
            .OrderBy(d => d.Status).ThenByDescending(d => d.OpenedAt).Take(200).ToListAsync();
        var books = await db.Rulebooks.Where(r => r.GroupId == group.Id).ToDictionaryAsync(r => r.Version);
        return Results.Ok(decisions.Select(d => ToDto(d, books[d.RulebookVersion].Class(d.ClassKey)!.ForRound(d.Round), null) with { Count = null }));
    }

    static async Task<IResult> ProposeAsync(string slug, ProposeRequest request, PlenumDb db, DecisionOpening opening, Rulebooks rulebooks, ClaimsPrincipal principal)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        try
        {
            var decision = await opening.OpenAsync(group, membership!, new DecisionDraft(request.Class, request.Title ?? "", request.Text ?? "",
                request.ClosesAt, request.Secret, request.RulebookTemplate)
            {
                Type = request.Type, Options = request.Options ?? [], Seats = request.Seats, MaxChoices = request.MaxChoices, TimeZone = request.TimeZone, Points = request.Points,
                PreviousRoundId = request.PreviousRound, ReviewAfterMonths = request.ReviewAfterMonths, ValidUntil = request.ValidUntil,
                ReplacesAgreementId = request.ReplacesAgreement,
            });
            var rules = (await rulebooks.VersionAsync(group.Id, decision.RulebookVersion))!.Class(decision.ClassKey)!;
            return Results.Created($"/api/v1/groups/{slug}/decisions/{decision.Id}", ToDto(decision, rules, null));
        }
        catch (DecisionRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status422UnprocessableEntity);
        }
    }

    static async Task<IResult> GetAsync(string slug, Guid id, PlenumDb db, Rulebooks rulebooks, DecisionCloser closer, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == group.Id);
        if (decision is null) return ApiProblems.NotFound("decision");
        await closer.CloseIfDueAsync(decision, clock.GetUtcNow());
        var rules = (await rulebooks.VersionAsync(group.Id, decision.RulebookVersion))!.Class(decision.ClassKey)!.ForRound(decision.Round);
        var userId = membership!.UserId;
        var voted = decision.Secret
            ? await db.VoterRoll.AnyAsync(v => v.DecisionId == id && v.UserId == userId)
            : await db.OpenVotes.AnyAsync(v => v.DecisionId == id && v.UserId == userId);
        IReadOnlyDictionary<string, long>? counts = null;
        if (voted || decision.Status == DecisionStatus.Closed)
        {
            var ballots = await WeightedPosition.OfAsync(db, decision);
            counts = ballots.GroupBy(b => b.Position).ToDictionary(g => g.Key, g => g.Sum(b => (long)b.Weight));
        }
        return Results.Ok(ToDto(decision, rules, counts));
    }

    static async Task<IResult> VoteAsync(string slug, Guid id, VoteRequest request, PlenumDb db, Voting voting, ClaimsPrincipal principal)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == group.Id);
        if (decision is null) return ApiProblems.NotFound("decision");
        try
        {
            var proxyFor = request.ProxyFor is { } grantor
                ? await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == grantor) ?? throw new DecisionRuleException("That member is not in the group.")
                : null;
            var receipt = decision.Type switch
            {
                DecisionType.Proposal or DecisionType.SenseCheck or DecisionType.QuestionRound or DecisionType.SignUp
                    => await voting.CastAsync(decision, membership!, request.Position ?? "", request.Reason, request.Receipt, proxyFor),
                // A time poll's choice is one answer per time: 2 yes, 1 if need be, 0 no.
                DecisionType.TimePoll => await voting.CastAvailabilityAsync(decision, membership!, MeetingTimes.FromNumbers([.. (request.Choice ?? []).Select(a => (int?)a)]), request.Receipt, proxyFor),
                // Scores and dots: one number per option, in option order.
                DecisionType.Score or DecisionType.DotVote => await voting.CastPointsAsync(decision, membership!, request.Choice ?? [], request.Receipt, proxyFor),
                _ => await voting.CastChoiceAsync(decision, membership!, request.Choice ?? [], request.Receipt, proxyFor),
            };
            return Results.Ok(new VoteReceipt(receipt));
        }
        catch (DecisionRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
    }

    static async Task<IResult> CloseAsync(string slug, Guid id, PlenumDb db, DecisionCloser closer, Rulebooks rulebooks, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == group.Id);
        if (decision is null) return ApiProblems.NotFound("decision");
        try
        {
            await closer.CloseEarlyAsync(decision, membership!, clock.GetUtcNow());
        }
        catch (DecisionRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
        var rules = (await rulebooks.VersionAsync(group.Id, decision.RulebookVersion))!.Class(decision.ClassKey)!;
        return Results.Ok(ToDto(decision, rules.ForRound(decision.Round), null));
    }

    static async Task<IResult> GiveProxyAsync(string slug, Guid id, ProxyRequest request, PlenumDb db, Proxies proxies, ClaimsPrincipal principal)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == group.Id);
        if (decision is null) return ApiProblems.NotFound("decision");
        try
        {
            await proxies.GiveAsync(decision, membership!, request.Holder);
            return Results.NoContent();
        }
        catch (DecisionRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
    }

    static async Task<IResult> TakeBackProxyAsync(string slug, Guid id, PlenumDb db, Proxies proxies, ClaimsPrincipal principal)
    {
        var (group, membership) = await MemberAsync(db, slug, principal);
        if (group is null) return ApiProblems.NotFound("group");
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == group.Id);
        if (decision is null) return ApiProblems.NotFound("decision");
        try
        {
            await proxies.TakeBackAsync(decision, membership!);
            return Results.NoContent();
        }
        catch (DecisionRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
    }

    static DecisionDto ToDto(Decision d, DecisionClass rules, IReadOnlyDictionary<string, long>? counts) => new(
        d.Id, d.ClassKey, d.Type, d.OptionList, d.Seats, d.MaxChoices, d.Title, d.Text, d.Secret, d.RulebookVersion, d.OpenedAt, d.ClosesAt, d.Status, d.Result,
        d.OutcomeExplanation, DecisionText.PositionsFor(d, rules), counts, d.Round, d.PreviousRoundId,
        d.CountJson is { } json ? System.Text.Json.JsonDocument.Parse(json).RootElement.Clone() : null);
}
