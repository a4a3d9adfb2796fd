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
        IReadOnlyList<string> Positions, IReadOnlyDictionary<string, long>? Counts);
    public sealed record ProposeRequest(string Class, string Title, string Text, DateTimeOffset ClosesAt, bool Secret = false, string? RulebookTemplate = null,
        DecisionType Type = DecisionType.Proposal, IReadOnlyList<string>? Options = null, int Seats = 1, int MaxChoices = 1, string? TimeZone = null, int Points = 5);
    /// <summary>A position (proposal) with an optional reason, or a choice: option numbers chosen (poll) or best first (ranking, election).</summary>
    public sealed record VoteRequest(string? Position = null, string? Reason = null, string? Receipt = null, IReadOnlyList<int>? Choice = null);
    public sealed record VoteReceipt(string? Receipt);

    public static void MapDecisionsApi(this RouteGroupBuilder api)
    {
        var decisions = api.MapGroup("/groups/{slug}/decisions").WithTags("Decisions");
        decisions.MapGet("/", ListAsync).WithSummary("A group's decisions, open first (members only).");
        decisions.MapPost("/", ProposeAsync).WithSummary("Propose a decision; refused with the rule it breaks when the rulebook does not allow it.");
        decisions.MapGet("/{id:guid}", GetAsync).WithSummary("One decision; counts once you voted or once it closed; the declared outcome once closed.");
        decisions.MapPost("/{id:guid}/votes", VoteAsync).WithSummary("Cast or change your vote. A secret ballot answers with a receipt code (shown only here).");
    }

    static async Task<(Group? Group, Membership? Membership)> MemberAsync(PlenumDb db, string slug, ClaimsPrincipal principal)
    {
        var userId = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        var membership = group is null ? null : await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId);
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
        return Results.Ok(decisions.Select(d => ToDto(d, books[d.RulebookVersion].Class(d.ClassKey)!, null)));
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
        var rules = (await rulebooks.VersionAsync(group.Id, decision.RulebookVersion))!.Class(decision.ClassKey)!;
        var userId = membership!.UserId;
        var voted = decision.Secret
            ? await db.VoterRoll.AnyAsync(v => v.DecisionId == id && v.UserId == userId)
            : await db.OpenVotes.AnyAsync(v => v.DecisionId == id && v.UserId == userId);
        IReadOnlyDictionary<string, long>? counts = null;
        if (voted || decision.Status == DecisionStatus.Closed)
        {
            var positions = decision.Secret
                ? await db.SecretBallots.Where(b => b.DecisionId == id).Select(b => b.Position).ToListAsync()
                : await db.OpenVotes.Where(v => v.DecisionId == id).Select(v => v.Position).ToListAsync();
            counts = positions.GroupBy(p => p).ToDictionary(g => g.Key, g => g.LongCount());
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
            var receipt = decision.Type switch
            {
                DecisionType.Proposal or DecisionType.SenseCheck or DecisionType.QuestionRound or DecisionType.SignUp
                    => await voting.CastAsync(decision, membership!, request.Position ?? "", request.Reason, request.Receipt),
                // A time poll's choice is one answer per time: 2 yes, 1 if need be, 0 no.
                DecisionType.TimePoll => await voting.CastAvailabilityAsync(decision, membership!, MeetingTimes.FromNumbers([.. (request.Choice ?? []).Select(a => (int?)a)]), request.Receipt),
                // Scores and dots: one number per option, in option order.
                DecisionType.Score or DecisionType.DotVote => await voting.CastPointsAsync(decision, membership!, request.Choice ?? [], request.Receipt),
                _ => await voting.CastChoiceAsync(decision, membership!, request.Choice ?? [], request.Receipt),
            };
            return Results.Ok(new VoteReceipt(receipt));
        }
        catch (DecisionRuleException refusal)
        {
            return ApiProblems.Refused(refusal.Message, StatusCodes.Status409Conflict);
        }
    }

    static DecisionDto ToDto(Decision d, DecisionClass rules, IReadOnlyDictionary<string, long>? counts) => new(
        d.Id, d.ClassKey, d.Type, d.OptionList, d.Seats, d.MaxChoices, d.Title, d.Text, d.Secret, d.RulebookVersion, d.OpenedAt, d.ClosesAt, d.Status, d.Result,
        d.OutcomeExplanation, DecisionText.PositionsFor(d, rules), counts);
}
