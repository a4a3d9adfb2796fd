using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Aid;

/// <summary>Coordinators set up mutual aid: public intake, vetting, retention, the kinds of help and the areas, and who completed the orientation.</summary>
public sealed class SettingsModel(PlenumDb db, UserManager<User> users, AidGroups aid, TimeProvider clock) : AidPageModel(db, users, aid)
{
    public sealed record VettedLine(Guid UserId, string Name, VettedBy How);

    public IReadOnlyList<AidCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AidArea> Areas { get; private set; } = [];
    public IReadOnlyList<VettedLine> Vetted { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadSettingsAsync() ?? Page();

    public Task<IActionResult> OnPostRulesAsync(bool publicIntake, int vouchesToVet, int purgeAfterDays, int staleAfterDays) => ActAsync(() =>
    {
        if (vouchesToVet is < 0 or > 20) throw new AidRuleException("Vouches to vet a volunteer: 0 to 20 (0 for orientation only).");
        if (purgeAfterDays is < 1 or > 90) throw new AidRuleException("Contact details are deleted 1 to 90 days after a need closes.");
        if (staleAfterDays is < 1 or > 30) throw new AidRuleException("A need counts as stuck after 1 to 30 days without a claim.");
        (Settings!.PublicIntake, Settings.VouchesToVet, Settings.PurgeAfterDays, Settings.StaleAfterDays) = (publicIntake, vouchesToVet, purgeAfterDays, staleAfterDays);
        return Task.CompletedTask;
    }, "The settings are saved.");

    public Task<IActionResult> OnPostAddCategoryAsync(string? name, bool sensitive) => ActAsync(async () =>
    {
        var clean = Name(name, 40, "A kind of help");
        var existing = await Db.AidCategories.FirstOrDefaultAsync(c => c.GroupId == Group.Id && c.Name == clean);
        if (existing is { Retired: false }) throw new AidRuleException($"There is already \"{clean}\".");
        if (existing is not null) (existing.Retired, existing.Sensitive) = (false, sensitive);
        else Db.AidCategories.Add(new AidCategory { Id = Guid.NewGuid(), GroupId = Group.Id, Name = clean, Sensitive = sensitive });
    }, "The kind of help is added.");

    public Task<IActionResult> OnPostCategoryAsync(Guid category, bool sensitive, bool retire) => ActAsync(async () =>
    {
        var found = await Db.AidCategories.FirstOrDefaultAsync(c => c.Id == category && c.GroupId == Group.Id) ?? throw new AidRuleException("There is no such kind of help.");
        (found.Sensitive, found.Retired) = (sensitive, retire);
    }, "The kind of help is changed.");

    public Task<IActionResult> OnPostAddAreaAsync(string? name) => ActAsync(async () =>
    {
        var clean = Name(name, 60, "An area");
        var existing = await Db.AidAreas.FirstOrDefaultAsync(a => a.GroupId == Group.Id && a.Name == clean);
        if (existing is { Retired: false }) throw new AidRuleException($"There is already \"{clean}\".");
        if (existing is not null) existing.Retired = false;
        else Db.AidAreas.Add(new AidArea { Id = Guid.NewGuid(), GroupId = Group.Id, Name = clean });
    }, "The area is added.");

    public Task<IActionResult> OnPostRetireAreaAsync(Guid area) => ActAsync(async () =>
    {
        var found = await Db.AidAreas.FirstOrDefaultAsync(a => a.Id == area && a.GroupId == Group.Id) ?? throw new AidRuleException("There is no such area.");
        if (await Db.AidAreas.CountAsync(a => a.GroupId == Group.Id && !a.Retired) <= 1) throw new AidRuleException("Keep at least one area.");
        found.Retired = true;
    }, "The area is no longer offered; needs already in it keep it.");

    public Task<IActionResult> OnPostOrientedAsync(Guid member) => ActAsync(async () =>
    {
        if (!await Db.Memberships.AnyAsync(m => m.GroupId == Group.Id && m.UserId == member)) throw new AidRuleException("Choose a member of the group.");
        if (!await Db.AidVettings.AnyAsync(v => v.GroupId == Group.Id && v.UserId == member))
            Db.AidVettings.Add(new AidVetting { GroupId = Group.Id, UserId = member, How = VettedBy.Orientation, ById = Me!.Id, At = clock.GetUtcNow() });
    }, "Recorded: they completed the orientation and may take sensitive needs.");

    public Task<IActionResult> OnPostUnvetAsync(Guid member) => ActAsync(async () =>
        await Db.AidVettings.Where(v => v.GroupId == Group.Id && v.UserId == member).ExecuteDeleteAsync(), "They no longer see sensitive needs.");

    static string Name(string? given, int max, string what)
    {
        var clean = given?.Trim() ?? "";
        if (clean.Length is < 2 || clean.Length > max) throw new AidRuleException($"{what} needs a name of 2 to {max} characters.");
        return clean;
    }

    async Task<IActionResult> ActAsync(Func<Task> act, string done)
    {
        var denied = await LoadSettingsAsync();
        if (denied is not null) return denied;
        try
        {
            await act();
            await Db.SaveChangesAsync();
        }
        catch (AidRuleException refusal)
        {
            return Refused(refusal);
        }
        TempData["Notice"] = done;
        return RedirectToPage();
    }

    async Task<IActionResult?> LoadSettingsAsync()
    {
        var denied = await LoadAidAsync();
        if (denied is not null) return denied;
        if (!IsCoordinator) return Forbid();
        Categories = await Db.AidCategories.Where(c => c.GroupId == Group.Id).OrderBy(c => c.Retired).ThenBy(c => c.Name).ToListAsync();
        Areas = await Aid.AreasAsync(Group.Id);
        Vetted = (await Db.AidVettings.Where(v => v.GroupId == Group.Id).Join(Db.Users, v => v.UserId, u => u.Id, (v, u) => new { v.UserId, u.UserName, v.How })
            .OrderBy(v => v.UserName).ToListAsync()).Select(v => new VettedLine(v.UserId, v.UserName ?? "", v.How)).ToList();
        Members = (await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId != null).Select(m => new { Id = m.UserId!.Value, m.User!.UserName })
            .OrderBy(m => m.UserName).Take(2000).ToListAsync()).Select(m => (m.Id, m.UserName ?? "")).ToList();
        return null;
    }
}
