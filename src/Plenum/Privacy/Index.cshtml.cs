using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Plenum.Privacy;

public sealed class IndexModel(IEnumerable<RetentionRule> rules) : PageModel
{
    public IReadOnlyList<RetentionRule> Rules { get; } = rules.OrderBy(r => r.Kind).ToList();

    public static string Describe(TimeSpan span) => span.TotalDays >= 1 ? $"{span.TotalDays:0} days" : $"{span.TotalHours:0} hours";

    public void OnGet() { }
}
