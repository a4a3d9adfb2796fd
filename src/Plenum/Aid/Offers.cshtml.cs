using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Aid;

/// <summary>A volunteer's standing offers (new needs that fit are sent to them) and the needs they have claimed.</summary>
public sealed class OffersModel(PlenumDb db, UserManager<User> users, AidGroups aid, TimeProvider clock) : AidPageModel(db, users, aid)
{
    public sealed record ClaimLine(Guid RequestId, string Category, string Area, ClaimStatus Status, DateTimeOffset ExpectedBy);

    public IReadOnlyList<AidCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AidArea> Areas { get; private set; } = [];
    public IReadOnlyList<AidOffer> Mine { get; private set; } = [];
    public IReadOnlyList<ClaimLine> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadOffersAsync() ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid category, Guid? area, AidTiming timing)
    {
        var denied = await LoadOffersAsync();
        if (denied is not null) return denied;
        if (Categories.All(c => c.Id != category)) return Refused(new AidRuleException("Choose a kind of help from the list."));
        if (area is { } a && Areas.All(x => x.Id != a)) return Refused(new AidRuleException("Choose an area from the list, or every area."));
        if (Mine.Count >= 50) return Refused(new AidRuleException("You have 50 standing offers; remove one first."));
        Db.AidOffers.Add(new AidOffer { Id = Guid.NewGuid(), GroupId = Group.Id, VolunteerId = Me!.Id, CategoryId = category, AreaId = area, Timing = timing, CreatedAt = clock.GetUtcNow() });
        await Db.SaveChangesAsync();
        TempData["Notice"] = "Your offer is saved: you are told of new needs that fit it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid offer)
    {
        var denied = await LoadAidAsync();
        if (denied is not null) return denied;
        await Db.AidOffers.Where(o => o.Id == offer && o.VolunteerId == Me!.Id && o.GroupId == Group.Id).ExecuteDeleteAsync();
        TempData["Notice"] = "The offer is removed.";
        return RedirectToPage();
    }

    async Task<IActionResult?> LoadOffersAsync()
    {
        var denied = await LoadAidAsync();
        if (denied is not null) return denied;
        Categories = [.. (await Aid.CategoriesAsync(Group.Id)).Where(c => !c.Sensitive || IsVetted)];
        Areas = await Aid.AreasAsync(Group.Id);
        Mine = await Db.AidOffers.Where(o => o.GroupId == Group.Id && o.VolunteerId == Me!.Id).OrderBy(o => o.CreatedAt).ToListAsync();
        Claims = await (from c in Db.AidClaims
                        join r in Db.AidRequests on c.RequestId equals r.Id
                        join cat in Db.AidCategories on r.CategoryId equals cat.Id
                        join area in Db.AidAreas on r.AreaId equals area.Id
                        where c.VolunteerId == Me!.Id && r.GroupId == Group.Id && (c.Status == ClaimStatus.Offered || c.Status == ClaimStatus.Accepted)
                        orderby c.ExpectedBy
                        select new ClaimLine(r.Id, cat.Name, area.Name, c.Status, c.ExpectedBy)).ToListAsync();
        return null;
    }
}
