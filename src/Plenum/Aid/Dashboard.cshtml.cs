using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Aid;

/// <summary>Open, claimed, fulfilled and stuck needs week by week, by kind and area, as charts and a table: counts only.</summary>
public sealed class DashboardModel(PlenumDb db, UserManager<User> users, AidGroups aid, AidDashboard dashboard, TimeProvider clock) : AidPageModel(db, users, aid)
{
    [FromQuery(Name = "category")] public Guid? CategoryId { get; set; }
    [FromQuery(Name = "area")] public Guid? AreaId { get; set; }
    public IReadOnlyList<AidCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AidArea> Areas { get; private set; } = [];
    public IReadOnlyList<AidWeek> Weeks { get; private set; } = [];
    public string FlowChart { get; private set; } = "";
    public string OpenChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAidAsync();
        if (denied is not null) return denied;
        var sensitive = IsVetted || IsDispatcher;
        Categories = [.. (await Aid.CategoriesAsync(Group.Id)).Where(c => !c.Sensitive || sensitive)];
        Areas = await Aid.AreasAsync(Group.Id);
        if (CategoryId is { } c && Categories.All(x => x.Id != c)) CategoryId = null;
        Weeks = await dashboard.WeeksAsync(Group.Id, CategoryId, AreaId, sensitive, Settings!.StaleAfterDays, clock.GetUtcNow());
        FlowChart = AidCharts.Bars("flow", "Needs posted, first claimed and fulfilled per week", Weeks,
            new("posted", "#bbb", w => w.Posted), new("claimed", "hatch", w => w.Claimed), new("fulfilled", "#333", w => w.Fulfilled));
        OpenChart = AidCharts.Bars("open", "Needs open and stuck at the end of each week", Weeks,
            new("open", "#bbb", w => w.OpenAtEnd), new("stuck", "hatch", w => w.StuckAtEnd));
        return Page();
    }
}
