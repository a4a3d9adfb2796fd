using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>
/// A report's photo, decrypted for the verifiers and dispatchers (and legal support once it is verified);
/// never cached, so it does not linger on a shared or seized phone. Anyone else gets 404.
/// </summary>
public sealed class PhotoModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, FieldEncryption encryption) : AlertPageModel(db, users, networks)
{
    [FromRoute] public Guid PhotoId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAlertsAsync();
        if (denied is not null) return denied;
        var photo = await Db.ReportPhotos.Where(p => p.Id == PhotoId)
            .Join(Db.Incidents.Where(i => i.GroupId == Group.Id), p => p.IncidentId, i => i.Id, (p, i) => new { p.Content, i.State })
            .FirstOrDefaultAsync();
        if (photo is null || !(IsDesk || IsLegal && photo.State != IncidentState.Reported)) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(encryption.Decrypt(photo.Content), "image/jpeg");
    }
}
