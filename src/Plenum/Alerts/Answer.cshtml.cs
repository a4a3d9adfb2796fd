using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// An alert opened from the link in its message, without signing in: the sealed token says who and which
/// message. Showing the page changes nothing (mail scanners fetch links); only the buttons act. The form keeps
/// the usual antiforgery token: it needs a cookie of its own, not a login.
/// </summary>
public sealed class AnswerModel(PlenumDb db, AlertLinks links, ResponderActs acts) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";
    /// <summary>The channel the link came by (the push notice says ?via=push); e-mail otherwise.</summary>
    [FromQuery] public string? Via { get; set; }
    public AlertTicket Ticket { get; private set; } = null!;
    public AlertMessage Message { get; private set; } = null!;
    public Incident Incident { get; private set; } = null!;
    public AlertRecipient? Recipient { get; private set; }
    public string GroupName { get; private set; } = "";
    public string GroupSlug { get; private set; } = "";
    public string ZoneName { get; private set; } = "";

    public AlertChannel Channel => Via?.ToLowerInvariant() switch
    {
        "push" => AlertChannel.Push,
        "live" => AlertChannel.Live,
        "webhook" or "sms" or "gateway" => AlertChannel.Webhook,
        _ => AlertChannel.Email,
    };

    public string SelfPath => AlertLinks.AnswerPath(Token) + (Via is { Length: > 0 } ? $"?via={Uri.EscapeDataString(Via)}" : "");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(ResponderAct? act)
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            TempData["Notice"] = await acts.DoAsync(Ticket.IncidentId, Ticket.UserId, act, Channel, Ticket.MessageId);
        }
        catch (AlertRuleException refusal)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", refusal.Message);
            await LoadAsync();
            return Page();
        }
        return Redirect(SelfPath);
    }

    async Task<bool> LoadAsync()
    {
        if (links.Open(Token) is not { } ticket) return false;
        var message = await db.AlertMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == ticket.MessageId && m.IncidentId == ticket.IncidentId);
        if (message is null) return false;
        Ticket = ticket;
        Message = message;
        Incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == ticket.IncidentId);
        Recipient = await db.AlertRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.IncidentId == ticket.IncidentId && r.UserId == ticket.UserId);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == Incident.GroupId).Select(g => new { g.Name, g.Slug }).SingleAsync();
        (GroupName, GroupSlug) = (group.Name, group.Slug);
        ZoneName = await db.AlertZones.AsNoTracking().Where(z => z.Id == Incident.ZoneId).Select(z => z.Name).SingleAsync();
        return true;
    }
}
