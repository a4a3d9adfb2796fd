using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Roles;

/// <summary>The group's rotating roles (who holds them, whose turn is next) and its draws by lot.</summary>
public sealed class RolesModel(PlenumDb db, UserManager<User> users, Rotation rotation, Draws draws, TimeProvider clock) : GroupPageModel(db, users)
{
    public sealed record RoleView(RotatingRole Role, RoleTerm? Current, RoleTerm? Next, Guid? NextInTurn, string? NextInTurnName);

    public IReadOnlyList<RoleView> Roles { get; private set; } = [];
    public IReadOnlyList<Draw> Draws { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public static readonly string[] CommonRoles = ["facilitator", "note-taker", "spokesperson", "treasurer", "safety contact"];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(membersOnly: true) ?? await ShowAsync();

    public Task<IActionResult> OnPostCreateAsync(string? name, int termDays, int? termLimit) => ActAsync(async () =>
    {
        if (!IsCoordinator) throw new GroupRuleException("Only a coordinator sets up roles.");
        if ((name ?? "").Trim().Length is < 2 or > 60) throw new GroupRuleException("Give the role a name of 2 to 60 characters.");
        if (termDays is < 1 or > 3650) throw new GroupRuleException("A term lasts 1 to 3650 days.");
        if (termLimit is < 1) throw new GroupRuleException("A term limit is at least 1, or blank for none.");
        Db.RotatingRoles.Add(new RotatingRole { Id = Guid.NewGuid(), GroupId = Group.Id, Name = name!.Trim(), TermDays = termDays, TermLimit = termLimit, CreatedAt = clock.GetUtcNow() });
        await Db.SaveChangesAsync();
    }, "The role is set up.");

    /// <summary>Hands the role to a member: to whoever is next in turn, or (coordinators) to any member.</summary>
    public Task<IActionResult> OnPostHandOverAsync(Guid role, Guid member) => ActAsync(async () =>
    {
        var rotating = await Db.RotatingRoles.FirstOrDefaultAsync(r => r.Id == role && r.GroupId == Group.Id) ?? throw new GroupRuleException("There is no such role.");
        var next = await rotation.NextHolderAsync(rotating);
        var holder = await Db.RoleTerms.AnyAsync(t => t.RoleId == role && t.UserId == Me!.Id && t.StartsAt <= clock.GetUtcNow() && t.EndsAt > clock.GetUtcNow());
        if (!IsCoordinator && !(holder && member == next)) throw new GroupRuleException("The holder hands over to whoever is next in turn; coordinators can choose anyone.");
        await rotation.HandOverAsync(rotating, member, member == next ? TermChoice.Rotation : TermChoice.Appointed);
    }, "The next term is settled.");

    public Task<IActionResult> OnPostAnnounceAsync(string? purpose, int count, Guid? role) => ActAsync(async () =>
    {
        if (!IsCoordinator) throw new GroupRuleException("Only a coordinator announces a draw.");
        await draws.AnnounceAsync(Group, purpose ?? "", count, role);
    }, "The draw is announced with its commitment; members can volunteer now.");

    public Task<IActionResult> OnPostVolunteerAsync(Guid draw, bool volunteering) => ActAsync(async () =>
        await draws.VolunteerAsync(await FindDrawAsync(draw), Me!.Id, volunteering), volunteering ? "You are in the draw." : "You are out of the draw.");

    public Task<IActionResult> OnPostDrawAsync(Guid draw) => ActAsync(async () =>
    {
        if (!IsCoordinator) throw new GroupRuleException("Only a coordinator runs the draw.");
        await draws.DrawAsync(await FindDrawAsync(draw));
    }, "Drawn. The seed and the volunteers are published so anyone can check.");

    async Task<Draw> FindDrawAsync(Guid id) =>
        await Db.Draws.FirstOrDefaultAsync(d => d.Id == id && d.GroupId == Group.Id) ?? throw new GroupRuleException("There is no such draw.");

    Task<IActionResult> ActAsync(Func<Task> action, string notice) => ActAsync(action, ShowAsync, $"/groups/{Slug}/roles", notice);

    async Task<IActionResult> ShowAsync()
    {
        var now = clock.GetUtcNow();
        var roles = await Db.RotatingRoles.Where(r => r.GroupId == Group.Id).Include(r => r.Terms.Where(t => t.EndsAt > now)).OrderBy(r => r.Name).ToListAsync();
        var views = new List<RoleView>();
        foreach (var role in roles)
        {
            var next = await rotation.NextHolderAsync(role);
            // Filtered again: terms loaded elsewhere in this request join role.Terms, ended ones too.
            views.Add(new RoleView(role, role.Terms.FirstOrDefault(t => t.StartsAt <= now && t.EndsAt > now), role.Terms.FirstOrDefault(t => t.StartsAt > now), next, null));
        }
        Draws = await Db.Draws.Where(d => d.GroupId == Group.Id).Include(d => d.Signups).OrderByDescending(d => d.CreatedAt).Take(50).ToListAsync();
        var ids = views.SelectMany(v => new[] { v.Current?.UserId, v.Next?.UserId, v.NextInTurn }).OfType<Guid>().Distinct().ToList();
        Names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        Roles = [.. views.Select(v => v with { NextInTurnName = v.NextInTurn is { } id ? Names.GetValueOrDefault(id) : null })];
        return Page();
    }
}
