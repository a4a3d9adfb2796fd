using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>A group's decisions: open ones first, then the latest closed; and choosing the first rulebook.</summary>
public sealed class IndexModel(PlenumDb db, UserManager<User> users, Rulebooks rulebooks, DecisionCloser closer, TimeProvider clock)
    : GroupPageModel(db, users)
{
    public Rulebook? Rulebook { get; private set; }
    public IReadOnlyList<Decision> Open { get; private set; } = [];
    public IReadOnlyList<Decision> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(membersOnly: true) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAdoptAsync(string template)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!IsCoordinator) return Forbid();
        try
        {
            await rulebooks.AdoptFirstAsync(Group, template);
            Db.GroupLog.Add(new GroupLogEntry { Id = Guid.NewGuid(), GroupId = Group.Id, ActorId = Me!.Id, Action = "adopted the first rulebook", Detail = RulebookTemplates.Find(template)?.Name, At = clock.GetUtcNow() });
            await Db.SaveChangesAsync();
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "The group has a rulebook. Every decision now follows it.";
        return Redirect($"/groups/{Group.Slug}/decisions");
    }

    async Task<IActionResult> ShowAsync()
    {
        await closer.CloseDueInGroupAsync(Group.Id, clock.GetUtcNow(), HttpContext.RequestAborted);
        Rulebook = await rulebooks.CurrentAsync(Group.Id);
        Open = await Db.Decisions.Where(d => d.GroupId == Group.Id && d.Status == DecisionStatus.Open).OrderBy(d => d.ClosesAt).ToListAsync();
        Closed = await Db.Decisions.Where(d => d.GroupId == Group.Id && d.Status == DecisionStatus.Closed).OrderByDescending(d => d.ClosedAt).Take(50).ToListAsync();
        return Page();
    }
}
