using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Federations;

/// <summary>
/// A group's place in federations: joining, its delegates (elected and recalled by its own
/// decisions), mandates for federation votes, and proposals it sends up or endorses. For a
/// federation: its member groups, their requests to join, delegates and proposals from below.
/// </summary>
public sealed class FederationsModel(PlenumDb db, UserManager<User> users, FederationMembership federations, DelegateRotation rotation, DecisionOpening opening, Rulebooks rulebooks, TimeProvider clock)
    : GroupPageModel(db, users)
{
    public sealed record FederationView(Group Federation, IReadOnlyList<Delegation> OurDelegates, IReadOnlyList<Decision> OpenDecisions, IReadOnlyList<Escalation> Escalations);

    /// <summary>The federations this group is a member of.</summary>
    public IReadOnlyList<FederationView> MemberOf { get; private set; } = [];
    /// <summary>For a federation: its member groups, requests to join, delegates and proposals from below.</summary>
    public IReadOnlyList<Group> MemberGroups { get; private set; } = [];
    public IReadOnlyList<FederationApplication> Applications { get; private set; } = [];
    public IReadOnlyList<Delegation> Delegates { get; private set; } = [];
    public IReadOnlyList<Escalation> Proposals { get; private set; } = [];
    public IReadOnlyList<(Guid UserId, string Name)> People { get; private set; } = [];
    /// <summary>The group's rotating roles; one may name its delegate to a federation.</summary>
    public IReadOnlyList<Roles.RotatingRole> Roles { get; private set; } = [];
    [BindProperty] public DateTime? ClosesAt { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(membersOnly: true) ?? await ShowAsync();

    public Task<IActionResult> OnPostApplyAsync(string federation) =>
        ActAsync(() => federations.ApplyAsync(Group, Membership!, federation ?? ""), "The federation's coordinators have your request.");

    public Task<IActionResult> OnPostAcceptAsync(Guid application) =>
        ActAsync(() => federations.AcceptAsync(Group, Membership!, application), "The group is a member now.");

    public Task<IActionResult> OnPostLeaveAsync(Guid federation) =>
        ActAsync(() => federations.LeaveAsync(Group, Membership!, federation), "The group has left the federation.");

    public Task<IActionResult> OnPostDelegateByAsync(Guid federation, Guid? role) =>
        ActAsync(() => rotation.SetAsync(Group, Membership!, federation, role),
            role is null ? "The group elects its delegate again." : "Whoever holds the role is the group's delegate now; the seat moves with the role.");

    public async Task<IActionResult> OnPostElectAsync(Guid federation, string? candidates, int seats)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!await Db.Memberships.AnyAsync(m => m.GroupId == federation && m.MemberGroupId == Group.Id)) return NotFound();
        var names = (candidates ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var members = await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId != null && names.Contains(m.User!.UserName!)).Select(m => m.User!.UserName!).ToListAsync();
        if (names.Except(members).ToList() is [_, ..] strangers)
            return await RefuseAsync($"Delegates are members of the group; not members: {string.Join(", ", strangers)}.");
        return await OpenAsync("membership", new DecisionDraft("membership", "Elect our delegates",
            "Who speaks for us in the federation, until we elect again or recall them. Candidates are members' pseudonyms.", Deadline(), false, null)
        {
            Type = DecisionType.Election, Seats = seats,
            Options = names,
            FederationAction = new FederationAction { Purpose = FederationPurpose.DelegateElection, FederationId = federation },
        });
    }

    public async Task<IActionResult> OnPostRecallAsync(Guid delegation, Guid? replacement, string? reason)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        var recalled = await Db.Delegations.Include(d => d.User).FirstOrDefaultAsync(d => d.Id == delegation && d.MemberGroupId == Group.Id && d.Until == null);
        if (recalled is null) return NotFound();
        // Only a member's name is looked up, so an id from elsewhere reveals nobody.
        var replacementName = replacement is { } r ? await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId == r).Select(m => m.User!.UserName).FirstOrDefaultAsync() : null;
        if (replacement is not null && replacementName is null) return await RefuseAsync("The person taking over must be a member of the group.");
        return await OpenAsync("membership", new DecisionDraft("membership", $"Recall our delegate {recalled.User?.DisplayName}",
            $"{(string.IsNullOrWhiteSpace(reason) ? "" : reason.Trim() + "\n\n")}If this passes, {recalled.User?.DisplayName} no longer speaks for us{(replacementName is null ? "" : $" and {replacementName} takes over")}.",
            Deadline(), false, null)
        {
            FederationAction = new FederationAction { Purpose = FederationPurpose.Recall, FederationId = recalled.FederationId, DelegationId = recalled.Id, ReplacementUserId = replacement },
        });
    }

    public async Task<IActionResult> OnPostMandateAsync(Guid federationDecision, string? position, string? limits)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        var target = await Db.Decisions.FirstOrDefaultAsync(d => d.Id == federationDecision && d.Status == DecisionStatus.Open
            && Db.Memberships.Any(m => m.GroupId == d.GroupId && m.MemberGroupId == Group.Id));
        if (target is null) return NotFound();
        var stance = position is "agree" or "disagree" or "abstain" ? position : null;
        return await OpenAsync("membership", new DecisionDraft("membership", $"Mandate for our delegate: {target.Title}",
            $"Our delegate {(stance is null ? "votes freely" : $"votes \"{stance}\"")} on \"{target.Title}\".\n\n{limits?.Trim()}", Deadline(), false, null)
        {
            FederationAction = new FederationAction { Purpose = FederationPurpose.Mandate, FederationId = target.GroupId, FederationDecisionId = target.Id, MandatePosition = stance },
        });
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid federation, string? title, string? text)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        if (!await Db.Memberships.AnyAsync(m => m.GroupId == federation && m.MemberGroupId == Group.Id)) return NotFound();
        var federationId = federation;
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(text)) return await RefuseAsync("Give the proposal a title and say what it is.");
        var escalation = new Escalation { Id = Guid.NewGuid(), FederationId = federationId, FromGroupId = Group.Id, Title = title.Trim(), Text = text.Trim(), CreatedAt = clock.GetUtcNow() };
        Db.Escalations.Add(escalation);
        return await OpenAsync("general", new DecisionDraft("general", $"Send to the federation: {escalation.Title}", escalation.Text, Deadline(), false, null)
        {
            FederationAction = new FederationAction { Purpose = FederationPurpose.Escalation, FederationId = federationId, EscalationId = escalation.Id },
        });
    }

    public async Task<IActionResult> OnPostEndorseAsync(Guid escalation)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        var proposal = await Db.Escalations.Include(e => e.Endorsements).FirstOrDefaultAsync(e => e.Id == escalation && e.FederationDecisionId == null
            && e.Endorsements.Any(x => x.GroupId == e.FromGroupId)
            && Db.Memberships.Any(m => m.GroupId == e.FederationId && m.MemberGroupId == Group.Id));
        if (proposal is null) return NotFound();
        if (proposal.Endorsements.Any(x => x.GroupId == Group.Id)) return await RefuseAsync("The group has endorsed this proposal already.");
        if (await Db.FederationActions.AnyAsync(a => a.EscalationId == proposal.Id && Db.Decisions.Any(d => d.Id == a.DecisionId && d.GroupId == Group.Id && d.Status == DecisionStatus.Open)))
            return await RefuseAsync("The group is already deciding whether to endorse this proposal.");
        return await OpenAsync("general", new DecisionDraft("general", $"Endorse for the federation: {proposal.Title}", proposal.Text, Deadline(), false, null)
        {
            FederationAction = new FederationAction { Purpose = FederationPurpose.Escalation, FederationId = proposal.FederationId, EscalationId = proposal.Id },
        });
    }

    DateTimeOffset Deadline() => ClosesAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : clock.GetUtcNow().AddDays(7);

    /// <summary>Opens the group's decision that settles the federation business (after the page has loaded the group).</summary>
    async Task<IActionResult> OpenAsync(string classKey, DecisionDraft draft)
    {
        // An instance admin may look at any group, but only its members decide for it.
        if (Membership?.UserId is null) return Forbid();
        try
        {
            var rulebook = await rulebooks.CurrentAsync(Group.Id)
                ?? throw new DecisionRuleException("The group needs a rulebook first.");
            var key = rulebook.Class(classKey) is not null ? classKey : "general";
            var decision = await opening.OpenAsync(Group, Membership!, draft with { ClassKey = key });
            TempData["Notice"] = "It is open for a vote in the group.";
            return Redirect($"/groups/{Group.Slug}/decisions/{decision.Id}");
        }
        catch (DecisionRuleException refusal)
        {
            Db.ChangeTracker.Clear();
            return await RefuseAsync(refusal.Message);
        }
    }

    Task<IActionResult> ActAsync(Func<Task> action, string notice) => ActAsync(action, ShowAsync, $"/groups/{Slug}/federations", notice);

    async Task<IActionResult> RefuseAsync(string message)
    {
        ModelState.AddModelError("", message);
        return await ShowAsync();
    }

    async Task<IActionResult> ShowAsync()
    {
        ClosesAt ??= clock.GetUtcNow().UtcDateTime.AddDays(7).Date.AddHours(18);
        var federationIds = await Db.Memberships.Where(m => m.MemberGroupId == Group.Id).Select(m => m.GroupId).ToListAsync();
        var joined = await Db.Groups.Where(g => federationIds.Contains(g.Id)).OrderBy(g => g.Name).ToListAsync();
        var ourDelegates = await Db.Delegations.Include(d => d.User).Where(d => d.MemberGroupId == Group.Id && d.Until == null).ToListAsync();
        var openDecisions = await Db.Decisions.Where(d => federationIds.Contains(d.GroupId) && d.Status == DecisionStatus.Open).OrderBy(d => d.ClosesAt).Take(100).ToListAsync();
        // A proposal is shown to the other groups once the group that sent it has passed it (its own endorsement).
        var escalations = await Db.Escalations.Include(e => e.Endorsements).Where(e => federationIds.Contains(e.FederationId) && e.FederationDecisionId == null
            && e.Endorsements.Any(x => x.GroupId == e.FromGroupId)).Take(100).ToListAsync();
        MemberOf = [.. joined.Select(f => new FederationView(f, [.. ourDelegates.Where(d => d.FederationId == f.Id)],
            [.. openDecisions.Where(d => d.GroupId == f.Id)], [.. escalations.Where(e => e.FederationId == f.Id)]))];
        People = [.. (await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId != null).Select(m => new { m.UserId, m.User!.UserName }).OrderBy(m => m.UserName).Take(500).ToListAsync())
            .Select(m => (m.UserId!.Value, m.UserName ?? ""))];
        Roles = await Db.RotatingRoles.Where(r => r.GroupId == Group.Id).OrderBy(r => r.Name).ToListAsync();
        if (Group.Kind == GroupKind.Federation)
        {
            MemberGroups = await Db.Memberships.Where(m => m.GroupId == Group.Id && m.MemberGroupId != null).Select(m => m.MemberGroup!).OrderBy(g => g.Name).ToListAsync();
            Applications = await Db.FederationApplications.Include(a => a.Group).Where(a => a.FederationId == Group.Id).OrderBy(a => a.RequestedAt).ToListAsync();
            Delegates = await federations.DelegatesAsync(Group.Id);
            Proposals = await Db.Escalations.Include(e => e.Endorsements).Where(e => e.FederationId == Group.Id && e.Endorsements.Any(x => x.GroupId == e.FromGroupId))
                .OrderByDescending(e => e.CreatedAt).Take(100).ToListAsync();
        }
        return Page();
    }
}
