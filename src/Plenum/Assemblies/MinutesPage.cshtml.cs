using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Assemblies;

/// <summary>A meeting's minutes, written from the notes and the decisions taken, and approved by the group through a decision.</summary>
public sealed class MinutesPageModel(PlenumDb db, UserManager<User> users, DecisionOpening opening, DecisionCloser closer, Rulebooks rulebooks, TimeProvider clock) : GroupPageModel(db, users)
{
    /// <summary>The most a decision's text holds (see DecisionOpening.Refusals).</summary>
    const int MaxLength = 20_000;
    [FromRoute] public Guid Id { get; set; }
    public Meeting Meeting { get; private set; } = null!;
    public string Text { get; private set; } = "";
    public Decision? Approval { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadMinutesAsync() ?? Page();

    public async Task<IActionResult> OnPostProposeAsync()
    {
        var denied = await LoadMinutesAsync();
        if (denied is not null) return denied;
        if (Membership?.UserId is null || (!MeetingRoom.MayFacilitate(Meeting, Membership) && Membership.UserId != Meeting.NoteTakerId)) return Forbid();
        if (Approval is not null && Approval.Result != Counting.Proposals.ProposalResult.Failed)
        {
            ModelState.AddModelError("", "The minutes are already put to the group.");
            return Page();
        }
        if (Text.Length > MaxLength)
        {
            ModelState.AddModelError("", $"The minutes are {Text.Length:N0} characters long; a proposal the group votes on has at most {MaxLength:N0}. Shorten the notes of some items first.");
            return Page();
        }
        var rules = (await rulebooks.CurrentAsync(Group.Id))?.Class("general");
        if (rules is null)
        {
            ModelState.AddModelError("", "The group needs a rulebook with a general class to approve minutes.");
            return Page();
        }
        try
        {
            var decision = await opening.OpenAsync(Group, Membership!, new DecisionDraft("general", DecisionText.ShortTitle($"Approve the minutes of {Meeting.Title}"),
                Text, clock.GetUtcNow(), false, null) { ReviewAfterMonths = 0, OpenForHours = 72 });
            Meeting.MinutesDecisionId = decision.Id;
            await Db.SaveChangesAsync();
            return Redirect($"/groups/{Group.Slug}/decisions/{decision.Id}");
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
    }

    async Task<IActionResult?> LoadMinutesAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        var meeting = await Db.Meetings.Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == Id && m.GroupId == Group.Id);
        if (meeting is null) return NotFound();
        Meeting = meeting;
        var ids = meeting.Items.Select(i => i.DecisionId).OfType<Guid>().ToList();
        var decisions = await Db.Decisions.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id);
        var present = await Db.Attendances.Where(a => a.MeetingId == Id).Select(a => a.User!.UserName!).OrderBy(n => n).ToListAsync();
        Text = Minutes.Write(meeting, decisions, present);
        Approval = meeting.MinutesDecisionId is { } approvalId ? await Db.Decisions.FirstOrDefaultAsync(d => d.Id == approvalId) : null;
        if (Approval is not null) await closer.CloseIfDueAsync(Approval, clock.GetUtcNow());
        return null;
    }
}
