using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Aid;

/// <summary>
/// One need, as far as the visitor may see it (<see cref="AidDisclosure"/>): volunteers claim it, check in,
/// write to the requester once accepted and mark their part done; dispatchers accept or decline offers,
/// answer the requester's prompts for them, close it or refer it to a neighbouring group.
/// </summary>
public sealed class NeedModel(PlenumDb db, UserManager<User> users, AidGroups aid, AidDesk desk, AidDisclosure disclosure, TimeProvider clock)
    : AidPageModel(db, users, aid)
{
    [FromRoute] public Guid Id { get; set; }
    public AidNeedView View { get; private set; } = null!;
    public AidRequest? RepeatOf { get; private set; }
    public IReadOnlyList<(Group Group, IReadOnlyList<AidArea> Areas)> ReferTo { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    AidRequest Need { get; set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadNeedAsync() ?? Page();

    public Task<IActionResult> OnPostClaimAsync(int hours, int? share) =>
        ActAsync(() => desk.ClaimAsync(Group, Need, Me!.Id, hours, share ?? 1), "Thank you! The requester is asked to accept you; you see their details once they do.");
    public Task<IActionResult> OnPostCheckInAsync(int hours) => ActAsync(async () => await desk.CheckInAsync(await MyClaimAsync(), hours), "Checked in: your claim holds until the new time.");
    public Task<IActionResult> OnPostWithdrawAsync() => ActAsync(async () => await desk.WithdrawAsync(await MyClaimAsync()), "You stepped back; the need is on the board again.");
    public Task<IActionResult> OnPostDoneAsync() => ActAsync(async () => await desk.DoneAsync(Need, await MyClaimAsync()), "Marked as done. Thank you!");
    public Task<IActionResult> OnPostMessageAsync(Guid claim, string? body) => ActAsync(async () =>
        await desk.MessageAsync(Group, Need, await MyClaimAsync(claim), fromRequester: false, body), "Your message is sent through Plenum.");

    public Task<IActionResult> OnPostAcceptAsync(Guid claim) => Dispatch(() => desk.DecideAsync(Group, Need, claim, accept: true), "The volunteer is accepted and now sees the details.");
    public Task<IActionResult> OnPostDeclineAsync(Guid claim, bool notAgain) => Dispatch(() => desk.DecideAsync(Group, Need, claim, accept: false, notAgain), "The offer is declined.");
    public Task<IActionResult> OnPostStillAsync() => Dispatch(() => desk.StillNeededAsync(Need), "Noted: still needed.");
    public Task<IActionResult> OnPostCloseAsync(AidStatus status) => Dispatch(() => status is AidStatus.Fulfilled or AidStatus.Cancelled
        ? desk.CloseAsync(Need, status) : throw new AidRuleException("Close as done or cancelled."), "The need is closed.");
    /// <param name="target">"slug/areaId": the group and one of its areas, chosen together.</param>
    public Task<IActionResult> OnPostReferAsync(string? target) => Dispatch(async () =>
    {
        var parts = (target ?? "").Split('/');
        var slug = parts[0];
        var group = parts.Length == 2 && Guid.TryParse(parts[1], out _) ? await Db.Groups.FirstOrDefaultAsync(g => g.Slug == slug) : null;
        if (group is null || ReferTo.All(t => t.Group.Id != group.Id)) throw new AidRuleException("Choose a neighbouring group and area to refer it to.");
        await desk.ReferAsync(Group, Need, group, Guid.Parse(parts[1]));
    }, "The need is passed on with what the other group needs to help; the requester's link now follows it there.");

    Task<IActionResult> Dispatch(Func<Task> act, string done) => ActAsync(() => IsDispatcher ? act() : throw new AidRuleException("Only dispatchers do this."), done);

    async Task<AidClaim> MyClaimAsync(Guid? id = null) =>
        await Db.AidClaims.Where(c => c.RequestId == Need.Id && c.VolunteerId == Me!.Id && (id == null || c.Id == id)
                && (c.Status == ClaimStatus.Offered || c.Status == ClaimStatus.Accepted || c.Status == ClaimStatus.Done))
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync() ?? throw new AidRuleException("You have no claim on this need.");

    async Task<IActionResult> ActAsync(Func<Task> act, string done)
    {
        var denied = await LoadNeedAsync();
        if (denied is not null) return denied;
        try
        {
            await act();
        }
        catch (AidRuleException refusal)
        {
            return Refused(refusal);
        }
        TempData["Notice"] = done;
        return Redirect(AidPaths.Of(Group, Id));
    }

    async Task<IActionResult?> LoadNeedAsync()
    {
        var denied = await LoadAidAsync();
        if (denied is not null) return denied;
        var need = await Db.AidRequests.FirstOrDefaultAsync(r => r.Id == Id && r.GroupId == Group.Id);
        if (need is null) return NotFound();
        var view = await disclosure.ViewAsync(need, Viewer);
        if (view is null) return NotFound();
        (Need, View, Now) = (need, view, clock.GetUtcNow());
        if (need.RepeatOfId is { } earlier) RepeatOf = await Db.AidRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == earlier);
        if (IsDispatcher && need.IsOpen) ReferTo = await ReferralTargetsAsync();
        return null;
    }

    /// <summary>Neighbouring groups: the parent, its other children and this group's children, where mutual aid is on.</summary>
    async Task<IReadOnlyList<(Group, IReadOnlyList<AidArea>)>> ReferralTargetsAsync()
    {
        var parent = Group.ParentId;
        var groups = await Db.Groups.Where(g => g.Id != Group.Id && g.ArchivedAt == null && (g.Id == parent || (parent != null && g.ParentId == parent) || g.ParentId == Group.Id)
            && Db.AidSettings.Any(s => s.GroupId == g.Id)).OrderBy(g => g.Name).ToListAsync();
        var ids = groups.Select(g => g.Id).ToList();
        var areas = (await Db.AidAreas.Where(a => ids.Contains(a.GroupId) && !a.Retired).OrderBy(a => a.Name).ToListAsync()).ToLookup(a => a.GroupId);
        return [.. groups.Select(g => (g, (IReadOnlyList<AidArea>)[.. areas[g.Id]]))];
    }
}
