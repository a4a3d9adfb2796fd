using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Discussions;

namespace Plenum.Aid;

/// <summary>The board: a group's open needs by kind and area, filtered, a page at a time; coordinators turn mutual aid on here.</summary>
public sealed class IndexModel(PlenumDb db, UserManager<User> users, AidGroups aid, AidBoard board, TimeProvider clock) : AidPageModel(db, users, aid)
{
    [FromQuery(Name = "category")] public Guid? CategoryId { get; set; }
    [FromQuery(Name = "area")] public Guid? AreaId { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public IReadOnlyList<AidCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AidArea> Areas { get; private set; } = [];
    public IReadOnlyList<BoardLine> Lines { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, AidBoard.PageSize, 0);
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAidAsync(needsAid: false);
        if (denied is not null) return denied;
        if (Settings is null) return Page();
        Now = clock.GetUtcNow();
        Categories = [.. (await Aid.CategoriesAsync(Group.Id)).Where(c => !c.Sensitive || IsVetted || IsDispatcher)];
        Areas = await Aid.AreasAsync(Group.Id);
        (Lines, Paging) = await board.OpenAsync(Group.Id, new AidBoard.Filter(CategoryId, AreaId, IsVetted || IsDispatcher), PageNumber, Now, Settings.StaleAfterDays);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOnAsync()
    {
        var denied = await LoadAidAsync(needsAid: false);
        if (denied is not null) return denied;
        if (!IsCoordinator) return Forbid();
        await Aid.TurnOnAsync(Group);
        TempData["Notice"] = "Mutual aid is on. Name your neighbourhoods in the aid settings.";
        return Redirect($"{AidPaths.Board(Group)}/settings");
    }

    public string PageLink(int page) => $"?page={page}{(CategoryId is { } c ? $"&category={c}" : "")}{(AreaId is { } a ? $"&area={a}" : "")}";
}
