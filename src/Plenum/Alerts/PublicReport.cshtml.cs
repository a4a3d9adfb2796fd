using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Plenum.Infrastructure;
using Plenum.Mail;

namespace Plenum.Alerts;

/// <summary>
/// Reporting an emergency to a group's rapid response network without an account. Afterwards the page shows,
/// once, the link to follow the report. Answers 404 for groups that take no public reports.
/// </summary>
[EnableRateLimiting(PlenumApp.AlertReportRateLimit)]
[RequestSizeLimit(ReportPhotoUpload.MaxRequestBytes)]
public sealed class PublicReportModel(PublicReports reports, Mailer mailer, TimeProvider clock) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty] public PublicReportForm Form { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    public PublicReports.Intake Intake { get; private set; } = null!;
    /// <summary>Shown this once: only its hash is stored.</summary>
    public string? FollowUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        try
        {
            var photos = await ReportPhotoUpload.CleanAsync(Photo, HttpContext.RequestAborted);
            var taken = await reports.TakeAsync(Intake, Form.ToDraft(clock.GetUtcNow()), ReportSource.PublicForm, photos);
            FollowUrl = mailer.LinkTo(Request, ReportFollowLinks.Path(taken.FollowSecret!));
            ModelState.Clear();
            return Page();
        }
        catch (Exception refusal) when (refusal is AlertRuleException or ReportPhotoException)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
    }

    async Task<IActionResult?> LoadAsync()
    {
        if (await reports.OpenAsync(Slug) is not { } intake) return NotFound();
        Intake = intake;
        return null;
    }
}
