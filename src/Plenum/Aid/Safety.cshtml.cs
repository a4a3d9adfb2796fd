using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Aid;

/// <summary>
/// Safety: any member reports a volunteer privately; the group's safety contact (or, when nobody holds that
/// role, its coordinators) reads the reports and marks them handled. Nobody else sees them.
/// </summary>
public sealed class SafetyModel(PlenumDb db, UserManager<User> users, AidGroups aid, AidDesk desk, TimeProvider clock) : AidPageModel(db, users, aid)
{
    public sealed record ReportLine(Guid Id, string Volunteer, Guid? RequestId, string Body, DateTimeOffset CreatedAt, DateTimeOffset? HandledAt);

    public bool IsSafetyContact { get; private set; }
    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadSafetyAsync() ?? Page();

    public async Task<IActionResult> OnPostReportAsync(string? volunteer, string? body)
    {
        var denied = await LoadSafetyAsync();
        if (denied is not null) return denied;
        var name = volunteer?.Trim();
        var volunteerId = await Db.Memberships.Where(m => m.GroupId == Group.Id && m.User!.UserName == name).Select(m => m.UserId).FirstOrDefaultAsync();
        try
        {
            if (volunteerId is null) throw new AidRuleException("Give the pseudonym of a member of this group.");
            await desk.ReportAsync(Group, volunteerId.Value, null, body);
        }
        catch (AidRuleException refusal)
        {
            return Refused(refusal);
        }
        TempData["Notice"] = "Your report went privately to the group's safety contact.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostHandledAsync(Guid report)
    {
        var denied = await LoadSafetyAsync();
        if (denied is not null) return denied;
        if (!IsSafetyContact) return Forbid();
        await Db.AidReports.Where(r => r.Id == report && r.GroupId == Group.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.HandledAt, clock.GetUtcNow()));
        TempData["Notice"] = "Marked as handled.";
        return RedirectToPage();
    }

    async Task<IActionResult?> LoadSafetyAsync()
    {
        var denied = await LoadAidAsync();
        if (denied is not null) return denied;
        IsSafetyContact = (await Aid.SafetyContactsAsync(Group.Id)).Contains(Me!.Id);
        if (IsSafetyContact)
            Reports = await Db.AidReports.Where(r => r.GroupId == Group.Id).OrderByDescending(r => r.CreatedAt).Take(200)
                .Join(Db.Users, r => r.VolunteerId, u => u.Id, (r, u) => new ReportLine(r.Id, u.UserName!, r.RequestId, r.Body, r.CreatedAt, r.HandledAt)).ToListAsync();
        return null;
    }
}
