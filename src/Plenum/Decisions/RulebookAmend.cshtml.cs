using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>
/// Proposing changes to the rulebook's classes, setting by setting. The result is a decision of
/// class "Rulebook change": nothing changes unless the group adopts it under its current rules.
/// </summary>
public sealed class RulebookAmendModel(PlenumDb db, UserManager<User> users, Rulebooks rulebooks, DecisionOpening opening, TimeProvider clock)
    : GroupPageModel(db, users)
{
    [BindProperty] public List<DecisionClass> Classes { get; set; } = [];
    /// <summary>The kinds of ballot ticked for each class, by its position in the form (a read-only list on the class does not bind).</summary>
    [BindProperty] public Dictionary<int, List<DecisionType>> Allowed { get; set; } = [];
    /// <summary>Keys of the classes to remove.</summary>
    [BindProperty] public List<string> Remove { get; set; } = [];
    [BindProperty] public string? NewClassName { get; set; }
    /// <summary>The existing class whose settings a new class starts from.</summary>
    [BindProperty] public string? NewClassLike { get; set; }
    [BindProperty] public string? Why { get; set; }
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public bool Secret { get; set; }
    public Rulebook Current { get; private set; } = null!;
    public DecisionClass ChangeClass => Current.Class("rulebook")!;

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadRulebookAsync();
        if (denied is not null) return denied;
        Classes = [.. Current.Classes];
        ClosesAt = clock.GetUtcNow().UtcDateTime.AddHours(Math.Max(ChangeClass.MinVotingHours, 24 * 7)).Date.AddHours(18);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadRulebookAsync();
        if (denied is not null) return denied;
        var proposed = Proposed();
        var changes = RulebookChanges.Between(Current.Classes, proposed);
        if (changes.Count == 0) ModelState.AddModelError("", "Nothing would change: edit at least one setting.");
        if (ClosesAt is null) ModelState.AddModelError(nameof(ClosesAt), "Give the date and time voting closes.");
        if (!ModelState.IsValid) return Page();
        var text = $"{(string.IsNullOrWhiteSpace(Why) ? "" : Why.Trim() + "\n\n")}What changes:\n{string.Join('\n', changes.Select(c => $"- {c}"))}";
        try
        {
            var decision = await opening.OpenAsync(Group, Membership!, new DecisionDraft("rulebook", "Amend the rulebook", text,
                new DateTimeOffset(DateTime.SpecifyKind(ClosesAt!.Value, DateTimeKind.Utc)), Secret, null) { ProposedClasses = proposed });
            TempData["Notice"] = "Your amendment is open for a vote.";
            return Redirect($"/groups/{Group.Slug}/decisions/{decision.Id}");
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
    }

    /// <summary>The classes as edited: removals dropped, a new class added with the settings it is based on.</summary>
    List<DecisionClass> Proposed()
    {
        var kept = Classes.Select((c, i) => c with { Name = (c.Name ?? "").Trim(), AllowedTypes = [.. Allowed.GetValueOrDefault(i, []).Distinct().Order()] })
            .Where(c => !Remove.Contains(c.Key)).ToList();
        if (!string.IsNullOrWhiteSpace(NewClassName))
        {
            var like = kept.FirstOrDefault(c => c.Key == NewClassLike) ?? Current.Class(NewClassLike ?? "") ?? ChangeClass;
            var key = new string([.. NewClassName.Trim().ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]).Trim('-');
            kept.Add(like with { Key = key.Length == 0 ? "class" : key[..Math.Min(key.Length, 40)], Name = NewClassName.Trim() });
        }
        return kept;
    }

    async Task<IActionResult?> LoadRulebookAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Membership is null) return Forbid();
        var current = await rulebooks.CurrentAsync(Group.Id);
        if (current is null) return Redirect($"/groups/{Group.Slug}/decisions");
        Current = current;
        return null;
    }
}
