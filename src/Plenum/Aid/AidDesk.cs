using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Aid;

/// <summary>
/// Everything that changes a need: posting (by the person or a dispatcher), claiming, accepting or declining
/// a volunteer, checking in, finishing a part, closing, messages, referral and reports. Each step checks its
/// rule first and throws <see cref="AidRuleException"/>, so nothing half-done is stored.
/// </summary>
public sealed class AidDesk(PlenumDb db, AidGroups groups, AidFollowLinks links, AidNotices notices, TimeProvider clock)
{
    /// <summary>How many hours ahead a volunteer may say they expect to help.</summary>
    public static readonly int[] ExpectedHours = [2, 6, 24, 72, 168];
    /// <summary>A request by the same person within this time of another one is linked to it.</summary>
    static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(30);

    public async Task<(AidRequest Request, string FollowSecret)> PostAsync(Group group, AidDraft given, AidIntake intake, Guid? dispatcherId,
        CancellationToken cancellationToken = default)
    {
        var settings = await groups.SettingsAsync(group.Id, cancellationToken) ?? throw new AidRuleException("This group does not take mutual aid requests.");
        if (group.IsArchived) throw new AidRuleException("This group is archived and takes no more requests.");
        if (intake == AidIntake.Self && dispatcherId is null && !settings.PublicIntake) throw new AidRuleException("This group takes requests only through its dispatchers.");
        var draft = AidForms.Checked(given);
        if (!await db.AidCategories.AnyAsync(c => c.Id == draft.CategoryId && c.GroupId == group.Id && !c.Retired, cancellationToken))
            throw new AidRuleException("Choose what kind of help is needed from the list.");
        if (!await db.AidAreas.AnyAsync(a => a.Id == draft.AreaId && a.GroupId == group.Id && !a.Retired, cancellationToken))
            throw new AidRuleException("Choose the neighbourhood from the list.");
        var now = clock.GetUtcNow();
        var (secret, hash) = links.New();
        var request = new AidRequest
        {
            Id = Guid.NewGuid(), GroupId = group.Id, CategoryId = draft.CategoryId, AreaId = draft.AreaId, Urgency = draft.Urgency, Timing = draft.Timing,
            Status = AidStatus.Open, Intake = intake, EnteredById = dispatcherId, Details = draft.Details, ContactName = draft.ContactName,
            Contact = draft.Contact, Address = draft.Address, Target = draft.Target, Unit = draft.Target is null ? null : draft.Unit,
            ContactHash = draft.Contact is { } contact ? links.ContactHash(group.Id, contact) : null, FollowHash = hash, CreatedAt = now, StillNeededAt = now,
        };
        if (request.ContactHash is { } contactHash)
        {
            var since = now - RepeatWindow;
            request.RepeatOfId = await db.AidRequests
                .Where(r => r.GroupId == group.Id && r.ContactHash == contactHash && (r.Status == AidStatus.Open || r.CreatedAt > since))
                .OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (request.RepeatOfId is not null) request.EscalatedAt = now;
        }
        db.AidRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        if (request.RepeatOfId is not null) await notices.EscalatedAsync(group, request, "a person asked again while an earlier request of theirs is open or recent", cancellationToken);
        await notices.MatchedAsync(group, request, cancellationToken);
        return (request, secret);
    }

    public async Task<AidClaim> ClaimAsync(Group group, AidRequest request, Guid volunteerId, int hours, int share = 1, CancellationToken cancellationToken = default)
    {
        if (!request.IsOpen) throw new AidRuleException("This need is no longer open.");
        if (!ExpectedHours.Contains(hours)) throw new AidRuleException("Choose by when you expect to help from the list.");
        if (await IsSensitiveAsync(request, cancellationToken) && !await groups.IsVettedAsync(group.Id, volunteerId, cancellationToken))
            throw new AidRuleException("Only volunteers the group has vetted take this kind of need.");
        if (request.ContactHash is { } hash && await db.AidBlocks.AnyAsync(b => b.GroupId == group.Id && b.ContactHash == hash && b.VolunteerId == volunteerId, cancellationToken))
            throw new AidRuleException("Someone else will take this one.");
        var claims = await db.AidClaims.Where(c => c.RequestId == request.Id).ToListAsync(cancellationToken);
        if (claims.Any(c => c.VolunteerId == volunteerId && c.IsActive)) throw new AidRuleException("You have already offered to help with this need.");
        if (request.Target is { } target)
        {
            var taken = claims.Where(c => c.IsActive || c.Status == ClaimStatus.Done).Sum(c => c.Share);
            if (share < 1 || share > target - taken) throw new AidRuleException($"{Math.Max(0, target - taken)} {request.Unit ?? "part(s)"} are still open: offer between 1 and that.");
        }
        else if (claims.Any(c => c.IsActive)) throw new AidRuleException("Someone has already offered to help with this need.");
        var now = clock.GetUtcNow();
        var claim = new AidClaim
        {
            Id = Guid.NewGuid(), RequestId = request.Id, VolunteerId = volunteerId, Status = ClaimStatus.Offered,
            ExpectedBy = now.AddHours(hours), Share = request.Target is null ? 1 : share, CreatedAt = now,
        };
        db.AidClaims.Add(claim);
        request.FirstClaimedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        if (request.EnteredById is { } dispatcher && dispatcher != volunteerId)
            await notices.ClaimNewsAsync(group, request, [dispatcher], "a volunteer offered to help with a need you took: accept or decline them", cancellationToken);
        return claim;
    }

    /// <summary>The requester or a dispatcher accepts or declines an offered claim; "not again" also blocks that volunteer from this person's requests.</summary>
    public async Task DecideAsync(Group group, AidRequest request, Guid claimId, bool accept, bool notAgain = false, CancellationToken cancellationToken = default)
    {
        var claim = await db.AidClaims.FirstOrDefaultAsync(c => c.Id == claimId && c.RequestId == request.Id, cancellationToken)
            ?? throw new AidRuleException("There is no such offer of help.");
        if (accept && claim.Status != ClaimStatus.Offered) throw new AidRuleException("Only a waiting offer can be accepted.");
        if (!accept && !claim.IsActive && !notAgain) throw new AidRuleException("This offer is already settled.");
        if (accept && !request.IsOpen) throw new AidRuleException("This need is no longer open.");
        var now = clock.GetUtcNow();
        if (accept || claim.IsActive) (claim.Status, claim.DecidedAt) = (accept ? ClaimStatus.Accepted : ClaimStatus.Declined, now);
        if (notAgain)
        {
            if (request.ContactHash is not { } hash) throw new AidRuleException("\"Not this volunteer again\" needs the phone number or e-mail address the request was made with.");
            if (!await db.AidBlocks.AnyAsync(b => b.GroupId == group.Id && b.ContactHash == hash && b.VolunteerId == claim.VolunteerId, cancellationToken))
                db.AidBlocks.Add(new AidBlock { Id = Guid.NewGuid(), GroupId = group.Id, ContactHash = hash, VolunteerId = claim.VolunteerId, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        await notices.ClaimNewsAsync(group, request, [claim.VolunteerId],
            accept ? "your offer of help was accepted: the details are on the need's page" : "your offer of help was not taken up this time", cancellationToken);
    }

    public async Task CheckInAsync(AidClaim claim, int hours, CancellationToken cancellationToken = default)
    {
        if (!claim.IsActive) throw new AidRuleException("This claim is no longer active.");
        if (!ExpectedHours.Contains(hours)) throw new AidRuleException("Choose by when you expect to help from the list.");
        var now = clock.GetUtcNow();
        (claim.CheckedInAt, claim.ExpectedBy) = (now, now.AddHours(hours));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task WithdrawAsync(AidClaim claim, CancellationToken cancellationToken = default)
    {
        if (!claim.IsActive) throw new AidRuleException("This claim is no longer active.");
        (claim.Status, claim.DecidedAt) = (ClaimStatus.Withdrawn, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An accepted volunteer says their part is done; once every part is done the need is fulfilled.</summary>
    public async Task DoneAsync(AidRequest request, AidClaim claim, CancellationToken cancellationToken = default)
    {
        if (claim.Status != ClaimStatus.Accepted) throw new AidRuleException("Only an accepted volunteer marks their help as done.");
        (claim.Status, claim.DoneAt) = (ClaimStatus.Done, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var done = await db.AidClaims.Where(c => c.RequestId == request.Id && c.Status == ClaimStatus.Done).SumAsync(c => c.Share, cancellationToken);
        if (request.IsOpen && done >= (request.Target ?? 1)) await CloseAsync(request, AidStatus.Fulfilled, cancellationToken);
    }

    /// <summary>Fulfilled ("got it"), cancelled or referred: active claims end and the purge of contact details is scheduled.</summary>
    public async Task CloseAsync(AidRequest request, AidStatus status, CancellationToken cancellationToken = default)
    {
        if (!request.IsOpen) throw new AidRuleException("This need is already closed.");
        var settings = await groups.SettingsAsync(request.GroupId, cancellationToken);
        var now = clock.GetUtcNow();
        (request.Status, request.ClosedAt, request.PurgeDueAt) = (status, now, now.AddDays(settings?.PurgeAfterDays ?? 14));
        await db.AidClaims.Where(c => c.RequestId == request.Id && c.Status == ClaimStatus.Offered)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, ClaimStatus.Withdrawn).SetProperty(x => x.DecidedAt, now), cancellationToken);
        await db.AidClaims.Where(c => c.RequestId == request.Id && c.Status == ClaimStatus.Accepted)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, status == AidStatus.Fulfilled ? ClaimStatus.Done : ClaimStatus.Withdrawn)
                .SetProperty(x => x.DoneAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task StillNeededAsync(AidRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.IsOpen) throw new AidRuleException("This need is already closed.");
        (request.StillNeededAt, request.EscalatedAt) = (clock.GetUtcNow(), null);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AidMessage> MessageAsync(Group group, AidRequest request, AidClaim claim, bool fromRequester, string? body, CancellationToken cancellationToken = default)
    {
        if (claim.Status is not (ClaimStatus.Accepted or ClaimStatus.Done)) throw new AidRuleException("Messages go between the requester and an accepted volunteer.");
        if (request.PurgedAt is not null) throw new AidRuleException("This request is closed and its messages are deleted.");
        var text = AidForms.Text(body, AidForms.MessageMax, "A message") ?? throw new AidRuleException("Write a message first.");
        var message = new AidMessage { Id = Guid.NewGuid(), ClaimId = claim.Id, FromRequester = fromRequester, Body = text, CreatedAt = clock.GetUtcNow() };
        db.AidMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        if (fromRequester) await notices.ClaimNewsAsync(group, request, [claim.VolunteerId], "the person you are helping sent you a message", cancellationToken);
        else await notices.RelayToRequesterAsync(group, request, cancellationToken);
        return message;
    }

    /// <summary>
    /// Passes a need to a neighbouring group with only what that group needs to help: the kind (by name), the
    /// timing, the details and the contact. The follow link moves with it; this group keeps a closed record.
    /// </summary>
    public async Task<AidRequest> ReferAsync(Group group, AidRequest request, Group to, Guid areaId, CancellationToken cancellationToken = default)
    {
        if (!request.IsOpen) throw new AidRuleException("This need is already closed.");
        if (to.Id == group.Id) throw new AidRuleException("Choose another group to refer it to.");
        if (await groups.SettingsAsync(to.Id, cancellationToken) is null) throw new AidRuleException($"{to.Name} does not take mutual aid requests.");
        if (!await db.AidAreas.AnyAsync(a => a.Id == areaId && a.GroupId == to.Id && !a.Retired, cancellationToken))
            throw new AidRuleException($"Choose one of {to.Name}'s areas.");
        var categoryName = await db.AidCategories.Where(c => c.Id == request.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken);
        var category = await db.AidCategories.FirstOrDefaultAsync(c => c.GroupId == to.Id && c.Name == categoryName && !c.Retired, cancellationToken)
            ?? await db.AidCategories.FirstOrDefaultAsync(c => c.GroupId == to.Id && c.Name == "other" && !c.Retired, cancellationToken)
            ?? throw new AidRuleException($"{to.Name} has no category \"{categoryName}\" nor \"other\".");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var referred = new AidRequest
        {
            Id = Guid.NewGuid(), GroupId = to.Id, CategoryId = category.Id, AreaId = areaId, Urgency = request.Urgency, Timing = request.Timing,
            Status = AidStatus.Open, Intake = request.Intake, Details = request.Details, ContactName = request.ContactName, Contact = request.Contact,
            Address = request.Address, Target = request.Target, Unit = request.Unit,
            ContactHash = request.Contact is { } contact ? links.ContactHash(to.Id, contact) : null,
            FollowHash = request.FollowHash, CreatedAt = now, StillNeededAt = now,
        };
        request.FollowHash = null;
        request.ReferredToGroupId = to.Id;
        await db.SaveChangesAsync(cancellationToken);
        db.AidRequests.Add(referred);
        await CloseAsync(request, AidStatus.Referred, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notices.EscalatedAsync(to, referred, $"{group.Name} referred a need to you", cancellationToken);
        await notices.MatchedAsync(to, referred, cancellationToken);
        return referred;
    }

    public async Task ReportAsync(Group group, Guid volunteerId, Guid? requestId, string? body, CancellationToken cancellationToken = default)
    {
        var text = AidForms.Text(body, AidForms.MessageMax, "A report") ?? throw new AidRuleException("Say what happened.");
        db.AidReports.Add(new AidReport { Id = Guid.NewGuid(), GroupId = group.Id, VolunteerId = volunteerId, RequestId = requestId, Body = text, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await notices.ReportedAsync(group, cancellationToken);
    }

    public Task<bool> IsSensitiveAsync(AidRequest request, CancellationToken cancellationToken = default) =>
        db.AidCategories.AnyAsync(c => c.Id == request.CategoryId && c.Sensitive, cancellationToken);
}
