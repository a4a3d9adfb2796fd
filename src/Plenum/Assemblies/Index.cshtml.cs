using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Assemblies;

/// <summary>A group's meetings: upcoming and past, and scheduling a new one with its agenda.</summary>
public sealed class MeetingsModel(PlenumDb db, UserManager<User> users, MeetingRoom room, TimeProvider clock) : GroupPageModel(db, users)
{
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public DateTime? StartsAt { get; set; }
    [BindProperty] public MeetingMode Mode { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? OnlineLink { get; set; }
    /// <summary>Agenda items, one per line.</summary>
    [BindProperty] public string? Agenda { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(membersOnly: true) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Membership?.UserId is null) return Forbid();
        try
        {
            if (StartsAt is null) throw new GroupRuleException("Give the date and time the meeting starts.");
            var meeting = await room.ScheduleAsync(Group, Membership, Title ?? "", new DateTimeOffset(DateTime.SpecifyKind(StartsAt.Value, DateTimeKind.Utc)), Mode, Place, OnlineLink,
                (Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return Redirect($"/groups/{Group.Slug}/meetings/{meeting.Id}");
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
    }

    async Task<IActionResult> ShowAsync()
    {
        StartsAt ??= clock.GetUtcNow().UtcDateTime.AddDays(7).Date.AddHours(18);
        Meetings = await Db.Meetings.Where(m => m.GroupId == Group.Id).OrderByDescending(m => m.StartsAt).Take(100).ToListAsync();
        return Page();
    }
}
