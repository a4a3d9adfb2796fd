using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>One decision: the proposal, the rule, the ballot, and once closed the declared outcome.</summary>
public sealed class ShowModel(PlenumDb db, UserManager<User> users, Rulebooks rulebooks, Voting voting, DecisionCloser closer, TimeProvider clock)
    : GroupPageModel(db, users)
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Receipt { get; set; }
    /// <summary>Poll: the options chosen.</summary>
    [BindProperty] public List<int> Chosen { get; set; } = [];
    /// <summary>Ranking: the rank given to each option, by option number (blank = not ranked).</summary>
    [BindProperty] public Dictionary<int, int?> Ranks { get; set; } = [];
    public Counting.Results.CountResult? Count { get; private set; }
    /// <summary>Time poll: the answer per time, by time number (2 yes, 1 if need be, 0 no).</summary>
    [BindProperty] public Dictionary<int, int> Availability { get; set; } = [];
    public Counting.TimePoll.TimePollResult? Times { get; private set; }
    /// <summary>Score or dot vote: the number given to each option, by option number.</summary>
    [BindProperty] public Dictionary<int, int?> Points { get; set; } = [];

    public Decision Decision { get; private set; } = null!;
    public DecisionClass Rules { get; private set; } = null!;
    public OpenVote? MyVote { get; private set; }
    public bool IVoted { get; private set; }
    public IReadOnlyList<OpenVote> Votes { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public int Voters { get; private set; }
    /// <summary>Reasons and answers of a secret ballot, in the box's random order, with no names.</summary>
    public IReadOnlyList<string> SecretReasons { get; private set; } = [];
    public string? NewReceipt { get; private set; }
    public string? ReceiptCheck { get; private set; }
    /// <summary>Results show once someone has voted, or to all once voting closed, so early results do not sway voters.</summary>
    public bool ShowResults => Decision.Status == DecisionStatus.Closed || IVoted;
    /// <summary>Whether the count on show moves as votes come in, so a live page should fetch it again.</summary>
    public bool CountChangesWithVotes => Decision.Status == DecisionStatus.Open && ShowResults && DecisionText.IsByPosition(Decision.Type);

    public async Task<IActionResult> OnGetAsync() => await LoadDecisionAsync() ?? await ShowAsync();

    /// <summary>The count part alone, for a page with JavaScript told that votes changed; the same rules decide what it shows.</summary>
    public async Task<IActionResult> OnGetLiveAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        await LoadVotesAsync();
        return Partial("_Results", this);
    }

    /// <summary>The anonymised ballots of a closed ranking, election or single-choice poll as a .blt file, to recount with `plenum tally`.</summary>
    public async Task<IActionResult> OnGetBallotsAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        if (Decision.Status != DecisionStatus.Closed || !BallotsDownloadable) return NotFound();
        var positions = Decision.Secret
            ? await Db.SecretBallots.Where(b => b.DecisionId == Id).Select(b => b.Position).ToListAsync()
            : await Db.OpenVotes.Where(v => v.DecisionId == Id).Select(v => v.Position).ToListAsync();
        return File(System.Text.Encoding.UTF8.GetBytes(BltExport.Write(Decision, positions)), "text/plain; charset=utf-8", $"decision-{Id:N}.blt");
    }

    /// <summary>
    /// Options in an order of this voter's own (stable across visits), so the first-listed option
    /// gets no edge from being first for everyone.
    /// </summary>
    public IReadOnlyList<int> OptionOrder => [.. Enumerable.Range(0, Decision.OptionList.Count)
        .OrderBy(i => BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Decision.Id}:{Me!.Id}:{i}"))))];

    /// <summary>The chosen time of a closed time poll as a calendar event.</summary>
    public async Task<IActionResult> OnGetIcsAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        await ShowAsync();
        if (Times?.Best is not { Available: > 0 } best || Decision.Result != Counting.Proposals.ProposalResult.Passed) return NotFound();
        return File(System.Text.Encoding.UTF8.GetBytes(MeetingTimes.Ics(Decision, best.Slot, Group.Name)), "text/calendar; charset=utf-8", "meeting.ics");
    }

    public bool BallotsDownloadable => Decision.Type is DecisionType.RankedChoice or DecisionType.Condorcet or DecisionType.Election
        || (Decision.Type == DecisionType.Poll && Decision.MaxChoices == 1);

    public async Task<IActionResult> OnPostVoteAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        try
        {
            NewReceipt = Decision.Type switch
            {
                DecisionType.Proposal or DecisionType.SenseCheck or DecisionType.QuestionRound or DecisionType.SignUp
                    => await voting.CastAsync(Decision, Membership!, Position ?? "", Reason, Receipt),
                DecisionType.Poll => await voting.CastChoiceAsync(Decision, Membership!, Chosen, Receipt),
                DecisionType.Score or DecisionType.DotVote => await voting.CastPointsAsync(Decision, Membership!,
                    [.. Enumerable.Range(0, Decision.OptionList.Count).Select(i => Points.GetValueOrDefault(i) ?? 0)], Receipt),
                DecisionType.TimePoll => await voting.CastAvailabilityAsync(Decision, Membership!, MeetingTimes.FromNumbers([.. Enumerable.Range(0, Decision.OptionList.Count).Select(i => Availability.TryGetValue(i, out var answer) ? answer : (int?)null)]), Receipt),
                _ => await voting.CastChoiceAsync(Decision, Membership!, RankedOptions(), Receipt),
            };
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        if (NewReceipt is not null) return await ShowAsync();
        TempData["Notice"] = "Your vote is recorded. You can change it until voting closes.";
        return Redirect($"/groups/{Group.Slug}/decisions/{Id}");
    }

    public async Task<IActionResult> OnPostCheckReceiptAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        var position = await voting.CheckReceiptAsync(Decision, Receipt ?? "");
        ReceiptCheck = position is null ? "No ballot has that receipt code." : $"The ballot with that receipt is in the box, counted as \"{position}\".";
        return await ShowAsync();
    }

    /// <summary>Options in the order of the ranks given; equal or skipped numbers simply follow that order.</summary>
    List<int> RankedOptions()
    {
        if (Ranks.Values.Where(r => r is not null).GroupBy(r => r).Any(g => g.Count() > 1))
            throw new DecisionRuleException("Give each ranked option a different number.");
        return [.. Ranks.Where(r => r.Value is not null).OrderBy(r => r.Value).Select(r => r.Key)];
    }

    async Task<IActionResult?> LoadDecisionAsync()
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        var decision = await Db.Decisions.FirstOrDefaultAsync(d => d.Id == Id && d.GroupId == Group.Id);
        if (decision is null) return NotFound();
        await closer.CloseIfDueAsync(decision, clock.GetUtcNow());
        Decision = decision;
        Rules = (await rulebooks.VersionAsync(Group.Id, decision.RulebookVersion))?.Class(decision.ClassKey)
            ?? throw new InvalidOperationException("A decision's rulebook class is gone.");
        return null;
    }

    async Task<IActionResult> ShowAsync()
    {
        await LoadVotesAsync();
        return Page();
    }

    async Task LoadVotesAsync()
    {
        var userId = Me!.Id;
        if (Decision.Secret)
        {
            IVoted = await Db.VoterRoll.AnyAsync(v => v.DecisionId == Id && v.UserId == userId);
            Counts = (await Db.SecretBallots.Where(b => b.DecisionId == Id).Select(b => b.Position).ToListAsync())
                .GroupBy(p => p).ToDictionary(g => g.Key, g => g.LongCount());
            Voters = await Db.VoterRoll.CountAsync(v => v.DecisionId == Id);
            if (ShowResults)
                SecretReasons = [.. (await Db.SecretBallots.Where(b => b.DecisionId == Id).Select(b => b.Reason).ToListAsync()).OfType<string>()];
        }
        else
        {
            Votes = await Db.OpenVotes.Where(v => v.DecisionId == Id).Include(v => v.User).OrderBy(v => v.CastAt).ToListAsync();
            MyVote = Votes.FirstOrDefault(v => v.UserId == userId);
            IVoted = MyVote is not null;
            Counts = Votes.GroupBy(v => v.Position).ToDictionary(g => g.Key, g => g.LongCount());
            Voters = Votes.Count;
        }
        Position ??= MyVote?.Position;
        if (Decision.CountJson is { } json && Decision.Type == DecisionType.TimePoll)
            Times = System.Text.Json.JsonSerializer.Deserialize<Counting.TimePoll.TimePollResult>(json, Counting.Results.ResultJson.Options);
        else if (Decision.CountJson is { } countJson)
            Count = System.Text.Json.JsonSerializer.Deserialize<Counting.Results.CountResult>(countJson, Counting.Results.ResultJson.Options);
    }
}
