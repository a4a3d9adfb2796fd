using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Mail;
using Plenum.Notifications;

namespace Plenum.Aid;

/// <summary>
/// Notices about needs through <see cref="Notifier"/>. They name the kind of help and the area, never the
/// person, the details or the address. The requester, who has no account, gets a short mail only when they
/// gave an e-mail address, without the follow link (which is not stored).
/// </summary>
public sealed class AidNotices(PlenumDb db, Notifier notifier, AidGroups groups)
{
    /// <summary>Volunteers whose standing offers fit the need (kind, area, timing), except vetting, blocks and who entered it.</summary>
    public async Task MatchedAsync(Group group, AidRequest request, CancellationToken cancellationToken)
    {
        var sensitive = await db.AidCategories.AnyAsync(c => c.Id == request.CategoryId && c.Sensitive, cancellationToken);
        var offers = db.AidOffers.Where(o => o.GroupId == group.Id && o.CategoryId == request.CategoryId && (o.AreaId == null || o.AreaId == request.AreaId)
            && (o.Timing == AidTiming.Anytime || request.Timing == AidTiming.Anytime || o.Timing == request.Timing)
            && db.Memberships.Any(m => m.GroupId == group.Id && m.UserId == o.VolunteerId));
        if (sensitive) offers = offers.Where(o => db.AidVettings.Any(v => v.GroupId == group.Id && v.UserId == o.VolunteerId));
        if (request.ContactHash is { } hash) offers = offers.Where(o => !db.AidBlocks.Any(b => b.GroupId == group.Id && b.ContactHash == hash && b.VolunteerId == o.VolunteerId));
        var volunteers = await offers.Where(o => o.VolunteerId != request.EnteredById).Select(o => o.VolunteerId).Distinct().ToListAsync(cancellationToken);
        await notifier.PeopleNoticeAsync(group, NotificationKind.AidMatch, $"a need for {await NameAsync(request, cancellationToken)} fits your offer",
            AidPaths.Of(group, request.Id), volunteers, cancellationToken);
    }

    public Task ClaimNewsAsync(Group group, AidRequest request, IReadOnlyCollection<Guid> userIds, string summary, CancellationToken cancellationToken) =>
        notifier.PeopleNoticeAsync(group, NotificationKind.AidClaim, summary, AidPaths.Of(group, request.Id), userIds, cancellationToken);

    public async Task EscalatedAsync(Group group, AidRequest request, string why, CancellationToken cancellationToken) =>
        await notifier.PeopleNoticeAsync(group, NotificationKind.AidEscalation, $"a need for {await NameAsync(request, cancellationToken)} needs a look: {why}",
            AidPaths.Of(group, request.Id), await groups.DispatchersAsync(group.Id, cancellationToken), cancellationToken);

    public async Task ReportedAsync(Group group, CancellationToken cancellationToken) =>
        await notifier.PeopleNoticeAsync(group, NotificationKind.AidReport, "a private report about a volunteer came in",
            $"/groups/{group.Slug}/aid/safety", await groups.SafetyContactsAsync(group.Id, cancellationToken), cancellationToken);

    /// <summary>The optional e-mail relay: tells the requester a message waits, without its text or any name.</summary>
    public async Task RelayToRequesterAsync(Group group, AidRequest request, CancellationToken cancellationToken)
    {
        if (!AidForms.IsEmail(request.Contact)) return;
        await notifier.SendQuietlyAsync(request.Contact!, "Plenum: a message about your request",
            $"A volunteer of {group.Name} wrote to you about your request.\n\nOpen the follow link you were given when you asked for help to read and answer it.\n", cancellationToken);
    }

    async Task<string> NameAsync(AidRequest request, CancellationToken cancellationToken) =>
        await db.AidCategories.Where(c => c.Id == request.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken)
        + " in " + await db.AidAreas.Where(a => a.Id == request.AreaId).Select(a => a.Name).SingleAsync(cancellationToken);
}
