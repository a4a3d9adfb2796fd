using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>Putting a proposal to the group, under one class of its rulebook.</summary>
public sealed class NewModel(PlenumDb db, UserManager<User> users, Rulebooks rulebooks, DecisionOpening opening, TimeProvider clock)
    : GroupPageModel(db, users)
{
    [BindProperty] public string ClassKey { get; set; } = "general";
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Text { get; set; } = "";
    /// <summary>Deadline in UTC, as the datetime-local field sends it.</summary>
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public bool Secret { get; set; }
    [BindProperty] public string? ProposedTemplate { get; set; }
    [BindProperty] public DecisionType Type { get; set; } = DecisionType.Proposal;
    /// <summary>Options or candidates, one per line.</summary>
    [BindProperty] public string? Options { get; set; }
    [BindProperty] public int Seats { get; set; } = 1;
    [BindProperty] public int MaxChoices { get; set; } = 1;
    [BindProperty] public string? TimeZone { get; set; } = "UTC";
    [BindProperty] public int Points { get; set; } = 5;
    [BindProperty] public Guid? ReplacesAgreementId { get; set; }
    [BindProperty] public int ReviewAfterMonths { get; set; } = 12;
    [BindProperty] public DateOnly? ValidUntil { get; set; }
    public IReadOnlyList<Agreement> AgreementsInForce { get; private set; } = [];
    /// <summary>The discussion this proposal grows out of (from its "propose" link).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Discussion { get; set; }
    public Discussions.Discussion? FromDiscussion { get; private set; }
    /// <summary>The failed proposal this one tries again (from its "try again" link).</summary>
    [BindProperty(SupportsGet = true)] public Guid? PreviousRound { get; set; }
    public Decision? FailedRound { get; private set; }
    public Rulebook Rulebook { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        ClosesAt = clock.GetUtcNow().UtcDateTime.AddDays(7).Date.AddHours(18);
        if (FromDiscussion is not null) Title = FromDiscussion.Title;
        if (FailedRound is not null) (Title, Text, ClassKey) = (FailedRound.Title, FailedRound.Text, FailedRound.ClassKey);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadFormAsync();
        if (denied is not null) return denied;
        if (ClosesAt is null) ModelState.AddModelError(nameof(ClosesAt), "Give the date and time voting closes.");
        if (!ModelState.IsValid) return Page();
        var template = ClassKey == "rulebook" ? ProposedTemplate : null;
        try
        {
            var decision = await opening.OpenAsync(Group, Membership!, new DecisionDraft(ClassKey, Title ?? "", Text ?? "",
                new DateTimeOffset(DateTime.SpecifyKind(ClosesAt!.Value, DateTimeKind.Utc)), Secret, template)
            {
                Type = Type,
                Options = (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Seats = Seats,
                MaxChoices = MaxChoices,
                DiscussionId = FromDiscussion?.Id,
                TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim(),
                Points = Points,
                ReplacesAgreementId = ReplacesAgreementId,
                DiscussionOpenedAt = FromDiscussion?.CreatedAt,
                PreviousRoundId = FailedRound?.Id,
                ReviewAfterMonths = ReviewAfterMonths,
                ValidUntil = ValidUntil,
            });
            TempData["Notice"] = "Your proposal is open for a vote.";
            return Redirect($"/groups/{Group.Slug}/decisions/{decision.Id}");
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
    }

    async Task<IActionResult?> LoadFormAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (Membership is null) return Forbid();
        var rulebook = await rulebooks.CurrentAsync(Group.Id);
        if (rulebook is null) return Redirect($"/groups/{Group.Slug}/decisions");
        Rulebook = rulebook;
        AgreementsInForce = await Db.Agreements.Where(a => a.GroupId == Group.Id && (a.Status == AgreementStatus.InForce || a.Status == AgreementStatus.UnderReview))
            .OrderByDescending(a => a.AdoptedAt).Take(200).ToListAsync();
        if (PreviousRound is { } previousId)
        {
            FailedRound = await Db.Decisions.FirstOrDefaultAsync(d => d.Id == previousId && d.GroupId == Group.Id);
            if (FailedRound is null) return NotFound();
            Discussion ??= FailedRound.DiscussionId;
        }
        if (Discussion is { } discussionId)
            FromDiscussion = await Db.Discussions.FirstOrDefaultAsync(d => d.Id == discussionId && d.GroupId == Group.Id);
        return null;
    }
}
