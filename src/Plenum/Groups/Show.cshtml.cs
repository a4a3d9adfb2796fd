using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Groups;

public sealed class ShowModel(PlenumDb db, UserManager<User> users, GroupMembership membership) : GroupPageModel(db, users)
{
    public int MemberCount { get; private set; }
    public List<JoinRequest> PendingRequests { get; private set; } = [];
    public bool MyPendingRequest { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostJoinAsync() => await ActAsync(() => membership.JoinOpenGroupAsync(Group, Me!), "You joined.");

    public async Task<IActionResult> OnPostRequestAsync(string? message)
    {
        if (message?.Length > 1000) message = message[..1000];
        return await ActAsync(() => membership.RequestToJoinAsync(Group, Me!, string.IsNullOrWhiteSpace(message) ? null : message.Trim()),
            "Your request was sent. Members will see it and can vouch for you.");
    }

    public async Task<IActionResult> OnPostVouchAsync(Guid request) =>
        await ActAsync(() => membership.VouchAsync(request, Me!), "Thank you for vouching.");

    public async Task<IActionResult> OnPostLeaveAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        try
        {
            await membership.LeaveAsync(Group, Me!);
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = $"You left {Group.Name}.";
        return Redirect("/");
    }

    async Task<IActionResult> ActAsync(Func<Task> action, string notice)
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        if (Me is null) return Challenge();
        try
        {
            await action();
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = notice;
        return Redirect($"/groups/{Group.Slug}");
    }

    async Task<IActionResult> ShowAsync()
    {
        MemberCount = await Db.Memberships.CountAsync(m => m.GroupId == Group.Id);
        if (IsMember)
            PendingRequests = await Db.JoinRequests.Where(r => r.GroupId == Group.Id && r.Status == JoinRequestStatus.Pending)
                .Include(r => r.User).Include(r => r.Vouches).OrderBy(r => r.CreatedAt).ToListAsync();
        else if (Me is not null)
            MyPendingRequest = await Db.JoinRequests.AnyAsync(r => r.GroupId == Group.Id && r.UserId == Me.Id && r.Status == JoinRequestStatus.Pending);
        return Page();
    }
}
