using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Plenum.Groups;
using Plenum.Infrastructure;

namespace Plenum.Alerts;

/// <summary>The reporter's page, reached by the follow link alone: what became of the report, in plain words, and nothing about who checked or went.</summary>
[EnableRateLimiting(PlenumApp.AlertReportRateLimit)]
public sealed class ReportFollowModel(PublicReports reports) : PageModel
{
    [FromRoute] public string Secret { get; set; } = "";
    public Group Group { get; private set; } = null!;
    public ReportProgress Progress { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await reports.FollowAsync(Secret) is not { } found) return NotFound();
        (Group, Progress, ReportedAt) = found;
        return Page();
    }
}
