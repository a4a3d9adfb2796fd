using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Infrastructure;

namespace Plenum.Aid;

/// <summary>
/// The requester's page, reached by the follow link without an account: the request as they gave it, the
/// prompts (still need it, got it, cancel), offers of help to accept or decline ("not this volunteer again"),
/// messages with accepted volunteers, and a private report about a volunteer.
/// </summary>
[EnableRateLimiting(PlenumApp.AidRateLimit)]
public sealed class FollowModel(PlenumDb db, AidFollowLinks links, AidDesk desk, AidDisclosure disclosure) : PageModel
{
    [FromRoute] public string Secret { get; set; } = "";
    public Group Group { get; private set; } = null!;
    public AidNeedView View { get; private set; } = null!;
    AidRequest Request_ { get; set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public Task<IActionResult> OnPostStillAsync() => ActAsync(() => desk.StillNeededAsync(Request_), "Thank you: your request stays on the board.");
    public Task<IActionResult> OnPostGotItAsync() => ActAsync(() => desk.CloseAsync(Request_, AidStatus.Fulfilled), "Glad you got it. Your details will be deleted in a few days.");
    public Task<IActionResult> OnPostCancelAsync() => ActAsync(() => desk.CloseAsync(Request_, AidStatus.Cancelled), "Your request is cancelled. Your details will be deleted in a few days.");
    public Task<IActionResult> OnPostAcceptAsync(Guid claim) => ActAsync(() => desk.DecideAsync(Group, Request_, claim, accept: true),
        "You accepted the offer: the volunteer now sees your details and can write to you here.");
    public Task<IActionResult> OnPostDeclineAsync(Guid claim, bool notAgain) => ActAsync(() => desk.DecideAsync(Group, Request_, claim, accept: false, notAgain),
        notAgain ? "Declined. That volunteer will not be able to take your requests again." : "Declined. Your request stays on the board for someone else.");
    public Task<IActionResult> OnPostMessageAsync(Guid claim, string? body) => ActAsync(async () =>
        await desk.MessageAsync(Group, Request_, await ClaimAsync(claim), fromRequester: true, body), "Your message is sent.");
    public Task<IActionResult> OnPostReportAsync(Guid claim, string? body) => ActAsync(async () =>
        await desk.ReportAsync(Group, (await ClaimAsync(claim)).VolunteerId, Request_.Id, body),
        "Your report went privately to the group's safety contact.");

    async Task<AidClaim> ClaimAsync(Guid id) =>
        await db.AidClaims.FirstOrDefaultAsync(c => c.Id == id && c.RequestId == Request_.Id) ?? throw new AidRuleException("There is no such offer of help.");

    async Task<IActionResult> ActAsync(Func<Task> act, string done)
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        try
        {
            await act();
        }
        catch (AidRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
        TempData["Notice"] = done;
        return Redirect(AidFollowLinks.Path(Secret));
    }

    async Task<IActionResult?> LoadAsync()
    {
        if (!Secret.StartsWith(AidFollowLinks.Prefix, StringComparison.Ordinal)) return NotFound();
        var hash = links.Hash(Secret);
        var request = await db.AidRequests.FirstOrDefaultAsync(r => r.FollowHash == hash);
        if (request is null) return NotFound();
        Request_ = request;
        Group = await db.Groups.SingleAsync(g => g.Id == request.GroupId);
        View = (await disclosure.ViewAsync(request, AidViewer.Requester))!;
        return null;
    }
}
