using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Aid;

/// <summary>Who is looking at a need. A requester is whoever holds the follow link.</summary>
public sealed record AidViewer(Guid? UserId, bool IsDispatcher, bool IsVetted, bool IsRequester)
{
    public static AidViewer Requester => new(null, false, false, true);
}

public sealed record ClaimView(Guid Id, string? Volunteer, Guid VolunteerId, ClaimStatus Status, DateTimeOffset ExpectedBy, int Share, bool Mine,
    IReadOnlyList<AidMessage> Messages);

/// <summary>
/// What one viewer may see of a need — the one place these rules live, used by the pages and the API alike.
/// Everyone in the group: kind, area, timing, progress. A volunteer whose claim was accepted: also the details,
/// the name, contact and address, and their own messages. Dispatchers: the details and who offered, and the
/// contact only of what they entered themselves. The requester: all they gave, who offered, every message.
/// </summary>
/// <param name="Taken">Shares offered, accepted or done, by anyone: whether (and how much of) the need is still free to claim.</param>
public sealed record AidNeedView(AidRequest Request, string Category, bool Sensitive, string Area, int Given, int Taken, bool ShowsDetails, bool ShowsContact,
    IReadOnlyList<ClaimView> Claims)
{
    public string? Details => ShowsDetails ? Request.Details : null;
    public string? ContactName => ShowsContact ? Request.ContactName : null;
    public string? Contact => ShowsContact ? Request.Contact : null;
    public string? Address => ShowsContact ? Request.Address : null;
    public ClaimView? MyClaim => Claims.FirstOrDefault(c => c.Mine && c.Status is ClaimStatus.Offered or ClaimStatus.Accepted or ClaimStatus.Done);
    /// <summary>How much is still free to claim: parts for a need in parts, else 1 or 0.</summary>
    public int Open => Math.Max(0, (Request.Target ?? 1) - Taken);
}

public sealed class AidDisclosure(PlenumDb db)
{
    /// <summary>Null when the viewer may not see the need at all (a sensitive kind for a volunteer who is not vetted).</summary>
    public async Task<AidNeedView?> ViewAsync(AidRequest request, AidViewer viewer, CancellationToken cancellationToken = default)
    {
        var category = await db.AidCategories.SingleAsync(c => c.Id == request.CategoryId, cancellationToken);
        var area = await db.AidAreas.Where(a => a.Id == request.AreaId).Select(a => a.Name).SingleAsync(cancellationToken);
        var claims = await db.AidClaims.Where(c => c.RequestId == request.Id).OrderBy(c => c.CreatedAt)
            .Join(db.Users, c => c.VolunteerId, u => u.Id, (c, u) => new { Claim = c, u.UserName }).ToListAsync(cancellationToken);
        var mine = claims.Where(c => viewer.UserId is { } me && c.Claim.VolunteerId == me).Select(c => c.Claim).ToList();
        var accepted = mine.Any(c => c.Status is ClaimStatus.Accepted or ClaimStatus.Done);
        if (category.Sensitive && !viewer.IsVetted && !viewer.IsDispatcher && !viewer.IsRequester && !accepted) return null;
        var enteredByMe = viewer.UserId is { } user && request.EnteredById == user;
        var seesClaims = viewer.IsRequester || viewer.IsDispatcher;
        var threadIds = claims.Where(c => (viewer.IsRequester || (viewer.UserId is { } v && c.Claim.VolunteerId == v))
            && c.Claim.Status is ClaimStatus.Accepted or ClaimStatus.Done).Select(c => c.Claim.Id).ToList();
        var messages = (await db.AidMessages.Where(m => threadIds.Contains(m.ClaimId)).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken)).ToLookup(m => m.ClaimId);
        var shown = claims.Where(c => seesClaims || mine.Contains(c.Claim))
            .Select(c => new ClaimView(c.Claim.Id, seesClaims || mine.Contains(c.Claim) ? c.UserName : null, c.Claim.VolunteerId, c.Claim.Status,
                c.Claim.ExpectedBy, c.Claim.Share, mine.Contains(c.Claim), [.. messages[c.Claim.Id]])).ToList();
        var given = claims.Where(c => c.Claim.Status == ClaimStatus.Done).Sum(c => c.Claim.Share);
        var taken = claims.Where(c => c.Claim.IsActive || c.Claim.Status == ClaimStatus.Done).Sum(c => c.Claim.Share);
        return new AidNeedView(request, category.Name, category.Sensitive, area, given, taken,
            ShowsDetails: viewer.IsRequester || viewer.IsDispatcher || accepted,
            ShowsContact: viewer.IsRequester || enteredByMe || accepted,
            shown);
    }
}
