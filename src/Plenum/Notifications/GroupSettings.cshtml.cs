using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Notifications;

/// <summary>A member chooses how much mail and push this group sends them.</summary>
public sealed class GroupSettingsModel(PlenumDb db, UserManager<User> users) : GroupPageModel(db, users)
{
    [BindProperty] public NotificationVolume Volume { get; set; } = NotificationSetting.DefaultVolume;
    public bool HasConfirmedEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadMemberAsync();
        if (denied is not null) return denied;
        Volume = (await SettingAsync())?.Volume ?? NotificationSetting.DefaultVolume;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadMemberAsync();
        if (denied is not null) return denied;
        if (!Enum.IsDefined(Volume)) return BadRequest();
        var setting = await SettingAsync();
        if (setting is null) Db.NotificationSettings.Add(new NotificationSetting { UserId = Me!.Id, GroupId = Group.Id, Volume = Volume });
        else setting.Volume = Volume;
        await Db.SaveChangesAsync();
        TempData["Notice"] = "Your notification setting is saved.";
        return RedirectToPage();
    }

    /// <summary>Settings belong to a person's own membership, so only members who are people have one.</summary>
    async Task<IActionResult?> LoadMemberAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Membership is null) return NotFound();
        HasConfirmedEmail = Me!.EmailConfirmed && Me.Email is { Length: > 0 };
        return null;
    }

    Task<NotificationSetting?> SettingAsync() =>
        Db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == Me!.Id && s.GroupId == Group.Id);

    public static string Describe(NotificationVolume volume) => volume switch
    {
        NotificationVolume.All => "Everything, by e-mail and push as it happens",
        NotificationVolume.DecisionsOnly => "Decisions only (opened, closing soon, closed), by e-mail and push as they happen",
        NotificationVolume.DailyDigest => "One e-mail a day at most, listing what happened; no push",
        _ => "No e-mail and no push; only here in Plenum",
    };
}
