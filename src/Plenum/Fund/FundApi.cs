using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plenum.Api;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Fund;

/// <summary>
/// /api/v1 endpoints for a group's common fund. Amounts are sent as text in the currency's units ("12.50")
/// and answered as integers in its minor unit (cents), with the currency code beside them.
/// </summary>
public static class FundApi
{
    public sealed record FundDto(string Currency, long Balance, long Pledged, long LimitWithoutVote, bool YouAreTreasurer, IReadOnlyList<LedgerRow> Entries);
    public sealed record ContributionRequest(string? Amount, FundSource Source, DateOnly? Date = null, Guid? MemberId = null, string? Party = null,
        string? Category = null, string? Note = null, int? Fulfils = null);
    public sealed record PledgeRequest(string? Amount, FundSource Source = FundSource.Member, DateOnly? Date = null, Guid? MemberId = null, string? Party = null, string? Note = null);
    public sealed record DisbursementRequest(string? Amount, string? Purpose, string? Recipient, bool Anonymous = false, Guid? DecisionId = null,
        DateOnly? Date = null, string? Note = null);
    public sealed record ReasonRequest(string? Reason);
    public sealed record SpendingRequest(string? Amount, string? Purpose, DateTimeOffset ClosesAt, string? Why = null, bool Secret = false);
    public sealed record SpendingDto(Guid DecisionId, string Title, long Amount, string Currency);
    public sealed record RecipientDto(int Number, string? Recipient);

    public static void MapFundApi(this RouteGroupBuilder api)
    {
        var fund = api.MapGroup("/groups/{slug}/fund").WithTags("Fund");
        fund.MapGet("/", GetAsync).WithSummary("The fund: currency, balance and open pledges (minor units), the spending limit without a vote, and every ledger entry. Anonymous recipients appear as \"anonymous recipient\".");
        fund.MapGet("/report", ReportAsync).WithSummary("Income and spending by month and by purpose, in minor units.");
        fund.MapGet("/ledger.csv", CsvAsync).WithSummary("The ledger as CSV (RFC 4180) for accounting; anonymous recipients stay anonymous.");
        fund.MapPost("/contributions", ContributeAsync).WithSummary("Record money received (treasurer or coordinators): from a Member (memberId), Outside (party) or Anonymous; fulfils: the number of a pledge it pays.");
        fund.MapPost("/pledges", PledgeAsync).WithSummary("Record a pledge. Members pledge in their own name; the treasurer and coordinators record anyone's.");
        fund.MapPost("/pledges/{number:int}/withdrawal", WithdrawAsync).WithSummary("Withdraw an open pledge (its giver, the treasurer or a coordinator).");
        fund.MapPost("/disbursements", DisburseAsync).WithSummary("Pay out (the treasurer): linked to an adopted spending decision (decisionId), or within the rulebook's limit without a vote; never more than the balance or what the decision left.");
        fund.MapPost("/entries/{number:int}/reversal", ReverseAsync).WithSummary("Undo a contribution or payment by a reversing entry, with a reason.");
        fund.MapGet("/entries/{number:int}/recipient", RecipientAsync).WithSummary("Who an anonymous payment went to: for the treasurer in office only.");
        fund.MapPost("/spending-proposals", ProposeAsync).WithSummary("Propose spending: opens a decision of the rulebook's money class with the amount and purpose.");
    }

    sealed record Caller(Group Group, Membership? Membership, Guid UserId, FundAccess Access);

    static async Task<(Caller? Caller, IResult? Refusal)> CallerAsync(PlenumDb db, string slug, ClaimsPrincipal principal, TimeProvider clock, bool membersOnly = false)
    {
        var userId = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Slug == slug);
        if (group is null) return (null, ApiProblems.NotFound("group"));
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId)
            ?? await Federations.FederationMembership.AsDelegateAsync(db, group, userId);
        if (membership is null && group.IsClosed) return (null, ApiProblems.NotFound("group"));
        if (membership is null && membersOnly) return (null, ApiProblems.Refused("Only members of the group can do this.", StatusCodes.Status403Forbidden));
        return (new Caller(group, membership, userId, await FundAccess.ForAsync(db, group, membership, clock.GetUtcNow())), null);
    }

    static async Task<IReadOnlyList<LedgerRow>> RowsAsync(PlenumDb db, LedgerState state, FundAccess access)
    {
        var ids = state.Entries.SelectMany(e => new[] { e.MemberId, e.RecordedById }).OfType<Guid>().Distinct().ToList();
        var names = (await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync()).ToDictionary(u => u.Id, u => u.DisplayName);
        return LedgerRow.From(state, names, access.MaySeeNames);
    }

    static async Task<IResult> GetAsync(string slug, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (caller, refusal) = await CallerAsync(db, slug, principal, clock);
        if (caller is null) return refusal!;
        if (await ledger.AccountAsync(caller.Group.Id) is not { } account) return ApiProblems.NotFound("fund");
        var state = await ledger.StateAsync(caller.Group.Id);
        return Results.Ok(new FundDto(account.Currency, state.Balance, state.Pledged, await ledger.LimitWithoutVoteAsync(caller.Group.Id, account.Currency),
            caller.Access.IsTreasurer, await RowsAsync(db, state, caller.Access)));
    }

    static async Task<IResult> ReportAsync(string slug, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (caller, refusal) = await CallerAsync(db, slug, principal, clock);
        if (caller is null) return refusal!;
        if (await ledger.AccountAsync(caller.Group.Id) is null) return ApiProblems.NotFound("fund");
        return Results.Ok(FundReport.Of(await ledger.StateAsync(caller.Group.Id)));
    }

    static async Task<IResult> CsvAsync(string slug, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (caller, refusal) = await CallerAsync(db, slug, principal, clock);
        if (caller is null) return refusal!;
        if (await ledger.AccountAsync(caller.Group.Id) is not { } account) return ApiProblems.NotFound("fund");
        var csv = FundCsv.Write(await RowsAsync(db, await ledger.StateAsync(caller.Group.Id), caller.Access), account.Currency);
        return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{slug}-fund.csv");
    }

    static Task<IResult> ContributeAsync(string slug, ContributionRequest request, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock) =>
        RecordAsync(slug, db, ledger, principal, clock, access => access.MayRecordIncome, "Only the treasurer or a coordinator records money received.", async caller =>
        {
            var pledgeId = request.Fulfils is { } number ? (await EntryAsync(db, caller.Group, number))?.Id ?? throw new FundRuleException($"There is no entry #{number}.") : (Guid?)null;
            return await ledger.ContributeAsync(caller.Group, caller.UserId, new ContributionDraft(request.Amount, request.Date, request.Source, request.MemberId,
                request.Party, request.Category, request.Note, pledgeId));
        });

    static Task<IResult> PledgeAsync(string slug, PledgeRequest request, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock) =>
        RecordAsync(slug, db, ledger, principal, clock, _ => true, "", async caller =>
        {
            var memberId = request.Source == FundSource.Member ? request.MemberId ?? caller.UserId : request.MemberId;
            if (!caller.Access.MayRecordIncome && (request.Source != FundSource.Member || memberId != caller.UserId))
                throw new FundRuleException("You can pledge in your own name; the treasurer or a coordinator records other pledges.");
            return await ledger.PledgeAsync(caller.Group, caller.UserId, new PledgeDraft(request.Amount, request.Date, request.Source, memberId, request.Party, request.Note));
        });

    static Task<IResult> WithdrawAsync(string slug, int number, ReasonRequest? request, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock) =>
        RecordAsync(slug, db, ledger, principal, clock, _ => true, "", async caller =>
        {
            var pledge = await EntryAsync(db, caller.Group, number) ?? throw new FundRuleException($"There is no entry #{number}.");
            if (!caller.Access.MayRecordIncome && pledge.MemberId != caller.UserId) throw new FundRuleException("Only its giver, the treasurer or a coordinator withdraws a pledge.");
            return await ledger.WithdrawPledgeAsync(caller.Group, caller.UserId, pledge.Id, request?.Reason);
        });

    static Task<IResult> DisburseAsync(string slug, DisbursementRequest request, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock) =>
        RecordAsync(slug, db, ledger, principal, clock, access => access.MayDisburse, "Only the treasurer in office pays out.", caller =>
            ledger.DisburseAsync(caller.Group, caller.UserId, new DisbursementDraft(request.Amount, request.Date, request.Purpose, request.Recipient,
                request.Anonymous, request.DecisionId, request.Note)));

    static Task<IResult> ReverseAsync(string slug, int number, ReasonRequest request, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock) =>
        RecordAsync(slug, db, ledger, principal, clock, access => access.MayRecordIncome, "Only the treasurer or a coordinator corrects the ledger.", async caller =>
        {
            var entry = await EntryAsync(db, caller.Group, number) ?? throw new FundRuleException($"There is no entry #{number}.");
            if (entry.Kind == FundEntryKind.Disbursement && !caller.Access.MayDisburse) throw new FundRuleException("Only the treasurer in office reverses a payment.");
            return await ledger.ReverseAsync(caller.Group, caller.UserId, entry.Id, request.Reason);
        });

    static async Task<IResult> RecipientAsync(string slug, int number, PlenumDb db, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (caller, refusal) = await CallerAsync(db, slug, principal, clock, membersOnly: true);
        if (caller is null) return refusal!;
        if (!caller.Access.MaySeeRecipients) return ApiProblems.Refused("Only the treasurer in office sees who an anonymous payment went to.", StatusCodes.Status403Forbidden);
        var entry = await EntryAsync(db, caller.Group, number);
        if (entry is not { AnonymousRecipient: true }) return ApiProblems.NotFound("anonymous payment");
        return Results.Ok(new RecipientDto(number, await db.AnonymousRecipients.Where(r => r.EntryId == entry.Id).Select(r => r.Name).FirstOrDefaultAsync()));
    }

    static async Task<IResult> ProposeAsync(string slug, SpendingRequest request, PlenumDb db, SpendingProposals proposals, ClaimsPrincipal principal, TimeProvider clock)
    {
        var (caller, refusal) = await CallerAsync(db, slug, principal, clock, membersOnly: true);
        if (caller is null) return refusal!;
        try
        {
            var decision = await proposals.ProposeAsync(caller.Group, caller.Membership!, request.Amount, request.Purpose, request.Why, request.ClosesAt, request.Secret);
            var proposal = await db.SpendingProposals.SingleAsync(p => p.DecisionId == decision.Id);
            return Results.Created($"/api/v1/groups/{slug}/decisions/{decision.Id}", new SpendingDto(decision.Id, decision.Title, proposal.Amount, proposal.Currency));
        }
        catch (FundRuleException problem)
        {
            return ApiProblems.Refused(problem.Message, StatusCodes.Status422UnprocessableEntity);
        }
    }

    static Task<FundEntry?> EntryAsync(PlenumDb db, Group group, int number) =>
        db.FundEntries.FirstOrDefaultAsync(e => e.GroupId == group.Id && e.Number == number);

    static async Task<IResult> RecordAsync(string slug, PlenumDb db, FundLedger ledger, ClaimsPrincipal principal, TimeProvider clock, Func<FundAccess, bool> allowed, string denied,
        Func<Caller, Task<FundEntry>> record)
    {
        var (caller, refusal) = await CallerAsync(db, slug, principal, clock, membersOnly: true);
        if (caller is null) return refusal!;
        if (!allowed(caller.Access)) return ApiProblems.Refused(denied, StatusCodes.Status403Forbidden);
        try
        {
            var entry = await record(caller);
            var row = (await RowsAsync(db, await ledger.StateAsync(caller.Group.Id), caller.Access)).Single(r => r.Id == entry.Id);
            return Results.Created($"/api/v1/groups/{slug}/fund", row);
        }
        catch (FundRuleException problem)
        {
            return ApiProblems.Refused(problem.Message, StatusCodes.Status422UnprocessableEntity);
        }
    }
}
