using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Assemblies;

/// <summary>
/// One meeting, for everyone in it: the current item, the speakers' queue, hand signals, check-in,
/// live votes and notes. The facilitator sees the controls; "?view=projector" shows only what a
/// room needs on the wall. Every action is a plain form post, so it works without JavaScript.
/// </summary>
public sealed class MeetingModel(PlenumDb db, UserManager<User> users, MeetingRoom room, MeetingUpdates updates, DecisionOpening opening, DecisionCloser closer, Rulebooks rulebooks, TimeProvider clock)
    : GroupPageModel(db, users)
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery] public string? View { get; set; }
    public Meeting Meeting { get; private set; } = null!;
    public AgendaItem? Current { get; private set; }
    public IReadOnlyList<SpeakerSlot> Queue { get; private set; } = [];
    public IReadOnlyDictionary<Signal, int> Signals { get; private set; } = new Dictionary<Signal, int>();
    public Signal? MySignal { get; private set; }
    public IReadOnlyList<Attendance> Present { get; private set; } = [];
    public bool IAmHere { get; private set; }
    public bool MayFacilitate => MeetingRoom.MayFacilitate(Meeting, Membership);
    public bool MayTakeNotes => MayFacilitate || Membership?.UserId == Meeting.NoteTakerId;
    public IReadOnlyDictionary<Guid, Decision> Decisions { get; private set; } = new Dictionary<Guid, Decision>();
    /// <summary>How many have voted on the current item's proposal (whether and how they voted shows on the decision's page).</summary>
    public int CurrentVoters { get; private set; }
    public IReadOnlyList<(Guid UserId, string Name)> People { get; private set; } = [];
    public Rulebook? Rulebook { get; private set; }
    public bool Projector => View == "projector";

    public async Task<IActionResult> OnGetAsync() => await LoadMeetingAsync() ?? await ShowAsync();

    public Task<IActionResult> OnPostCheckInAsync(bool present) => ActAsync(() => room.CheckInAsync(Meeting, Membership!, present));
    public Task<IActionResult> OnPostGoToAsync(Guid item) => ActAsync(() => room.GoToItemAsync(Meeting, Membership!, item));
    public Task<IActionResult> OnPostEndAsync() => ActAsync(() => room.EndAsync(Meeting, Membership!));
    public Task<IActionResult> OnPostQueueAsync(bool joining) => ActAsync(() => room.JoinQueueAsync(Meeting, Membership!, joining));
    public Task<IActionResult> OnPostMoveAsync(Guid slot, int by) => ActAsync(() => room.MoveAsync(Meeting, Membership!, slot, by));
    public Task<IActionResult> OnPostDoneAsync(Guid slot) => ActAsync(() => room.DoneSpeakingAsync(Meeting, Membership!, slot));
    public Task<IActionResult> OnPostSignalAsync(Signal signal) => ActAsync(() => room.SignalAsync(Meeting, Membership!, signal));
    public Task<IActionResult> OnPostNotesAsync(Guid item, string? notes) => ActAsync(() => room.WriteNotesAsync(Meeting, Membership!, item, notes));
    public Task<IActionResult> OnPostRolesAsync(Guid? facilitator, Guid? noteTaker) => ActAsync(() => room.SetRolesAsync(Meeting, Membership!, facilitator, noteTaker));

    /// <summary>Puts a proposal on the current item to a vote under the rulebook: live, and for absent members too where it allows.</summary>
    public Task<IActionResult> OnPostPutToVoteAsync(string? classKey, string? title, string? text) => ActAsync(async () =>
    {
        if (!MayFacilitate) throw new GroupRuleException("The facilitator puts proposals to the vote.");
        if (Meeting.Status != MeetingStatus.Live || Meeting.CurrentItemId is not { } itemId) throw new GroupRuleException("Go to an agenda item first.");
        var item = await Db.AgendaItems.SingleAsync(i => i.Id == itemId);
        if (item.DecisionId is not null) throw new GroupRuleException("This item has its vote already.");
        var rules = (await rulebooks.CurrentAsync(Group.Id))?.Class(classKey ?? "general") ?? throw new GroupRuleException("Choose a class of the group's rulebook.");
        try
        {
            var decision = await opening.OpenAsync(Group, Membership!, new DecisionDraft(rules.Key, title ?? item.Title, text ?? "",
                clock.GetUtcNow(), rules.SecretBallot == SecretBallotRule.Required, null) { MeetingId = Meeting.Id, OpenForHours = 0 });
            item.DecisionId = decision.Id;
            await Db.SaveChangesAsync();
            updates.Changed(Meeting.Id);
        }
        catch (DecisionRuleException refusal)
        {
            throw new GroupRuleException(refusal.Message);
        }
    });

    /// <summary>Closes the live vote on an item when the rulebook lets the meeting close it.</summary>
    public Task<IActionResult> OnPostCloseVoteAsync(Guid decision) => ActAsync(async () =>
    {
        var found = await Db.Decisions.FirstOrDefaultAsync(d => d.Id == decision && d.MeetingId == Meeting.Id) ?? throw new GroupRuleException("No such vote in this meeting.");
        if (!MayFacilitate) throw new GroupRuleException("The facilitator closes the vote.");
        try
        {
            await closer.CloseEarlyAsync(found, Membership!, clock.GetUtcNow());
        }
        catch (DecisionRuleException refusal)
        {
            throw new GroupRuleException(refusal.Message);
        }
    });

    Task<IActionResult> ActAsync(Func<Task> action) => ActAsync(action, ShowAsync, $"/groups/{Slug}/meetings/{Id}{(Projector ? "?view=projector" : "")}");

    protected override Task<IActionResult?> LoadForActionAsync() => LoadMeetingAsync();

    async Task<IActionResult?> LoadMeetingAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        var meeting = await Db.Meetings.Include(m => m.Items.OrderBy(i => i.Position)).FirstOrDefaultAsync(m => m.Id == Id && m.GroupId == Group.Id);
        if (meeting is null) return NotFound();
        Meeting = meeting;
        return null;
    }

    async Task<IActionResult> ShowAsync()
    {
        Meeting.Items = [.. Meeting.Items.OrderBy(i => i.Position)];
        Current = Meeting.Items.FirstOrDefault(i => i.Id == Meeting.CurrentItemId);
        Queue = await room.QueueAsync(Meeting);
        if (Current is not null)
        {
            var signals = await Db.HandSignals.Where(h => h.ItemId == Current.Id).ToListAsync();
            Signals = signals.GroupBy(h => h.Signal).ToDictionary(g => g.Key, g => g.Count());
            MySignal = signals.FirstOrDefault(h => h.UserId == Me!.Id)?.Signal;
        }
        Present = await Db.Attendances.Include(a => a.User).Where(a => a.MeetingId == Id).OrderBy(a => a.CheckedInAt).ToListAsync();
        IAmHere = Present.Any(a => a.UserId == Me!.Id);
        var decisionIds = Meeting.Items.Select(i => i.DecisionId).OfType<Guid>().ToList();
        foreach (var decision in await Db.Decisions.Where(d => decisionIds.Contains(d.Id)).ToListAsync()) await closer.CloseIfDueAsync(decision, clock.GetUtcNow());
        Decisions = await Db.Decisions.Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id);
        Rulebook = await rulebooks.CurrentAsync(Group.Id);
        if (Current?.DecisionId is { } currentVote && Decisions.GetValueOrDefault(currentVote) is { } vote) CurrentVoters = await Voting.CountVotersAsync(Db, vote);
        if (MayFacilitate)
            People = [.. (await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId != null).Select(m => new { m.UserId, m.User!.UserName }).OrderBy(m => m.UserName).Take(500).ToListAsync())
                .Select(m => (m.UserId!.Value, m.UserName ?? ""))];
        return Page();
    }
}
