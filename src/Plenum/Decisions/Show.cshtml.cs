using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>One decision: the proposal, the rule, the ballot, and once closed the declared outcome.</summary>
public sealed class ShowModel(PlenumDb db, UserManager<User> users, Rulebooks rulebooks, Voting voting, Proxies proxies, DecisionCloser closer,
    Federations.ReportBack reportBack, TimeProvider clock)
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
    /// <summary>With a proxy: the member this ballot is cast for (empty for one's own vote).</summary>
    [BindProperty] public Guid? ProxyFor { get; set; }
    /// <summary>The member chosen to carry one's vote.</summary>
    [BindProperty] public Guid? ProxyHolder { get; set; }
    /// <summary>The proxy this member gave on this decision, if any.</summary>
    public ProxyVote? MyProxy { get; private set; }
    /// <summary>The proxies this member carries on this decision.</summary>
    public IReadOnlyList<ProxyVote> HeldProxies { get; private set; } = [];
    /// <summary>Members who could carry this member's vote (the proxy form's choices).</summary>
    public IReadOnlyList<(Guid UserId, string Name)> PossibleHolders { get; private set; } = [];
    /// <summary>The round that tried this proposal again after it failed, if one was started.</summary>
    public Guid? NextRoundId { get; private set; }
    /// <summary>What the decision does for a federation, or for a federation decision its member groups' positions and mandates.</summary>
    public Federations.FederationDecisionView? Federation { get; private set; }
    [BindProperty] public string? Report { get; set; }
    /// <summary>The class's rule as written, before any fallback for later rounds.</summary>
    public DecisionClass ClassRules { get; private set; } = null!;

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

    /// <summary>The anonymised ballots of a closed poll, ranking, election, score or dot vote, in a format `plenum tally` recounts (.blt by default).</summary>
    public async Task<IActionResult> OnGetBallotsAsync(string? format)
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        var download = Downloads.FirstOrDefault(d => d.Format == (format ?? "blt"));
        if (Decision.Status != DecisionStatus.Closed || download is null) return NotFound();
        var positions = await WeightedPosition.OfAsync(Db, Decision);
        return File(BallotDownloads.Write(Decision, download, positions), download.ContentType, download.FileName);
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

    /// <summary>The files of anonymised ballots this decision offers once closed; none for kinds counted by position.</summary>
    public IReadOnlyList<BallotDownload> Downloads => BallotDownloads.For(Decision, Rules);

    public async Task<IActionResult> OnPostVoteAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        try
        {
            var proxyFor = ProxyFor is { } grantorId
                ? await Db.Memberships.FirstOrDefaultAsync(m => m.GroupId == Group.Id && m.UserId == grantorId)
                    ?? throw new DecisionRuleException("That member is no longer in the group.")
                : null;
            NewReceipt = Decision.Type switch
            {
                DecisionType.Proposal or DecisionType.SenseCheck or DecisionType.QuestionRound or DecisionType.SignUp
                    => await voting.CastAsync(Decision, Membership!, Position ?? "", Reason, Receipt, proxyFor),
                DecisionType.Poll => await voting.CastChoiceAsync(Decision, Membership!, Chosen, Receipt, proxyFor),
                DecisionType.Score or DecisionType.DotVote => await voting.CastPointsAsync(Decision, Membership!,
                    [.. Enumerable.Range(0, Decision.OptionList.Count).Select(i => Points.GetValueOrDefault(i) ?? 0)], Receipt, proxyFor),
                DecisionType.TimePoll => await voting.CastAvailabilityAsync(Decision, Membership!, MeetingTimes.FromNumbers([.. Enumerable.Range(0, Decision.OptionList.Count).Select(i => Availability.TryGetValue(i, out var answer) ? answer : (int?)null)]), Receipt, proxyFor),
                _ => await voting.CastChoiceAsync(Decision, Membership!, RankedOptions(), Receipt, proxyFor),
            };
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        if (NewReceipt is not null) return await ShowAsync();
        TempData["Notice"] = ProxyFor is null ? "Your vote is recorded. You can change it until voting closes." : "The vote you carry by proxy is recorded.";
        return Redirect($"/groups/{Group.Slug}/decisions/{Id}");
    }

    public async Task<IActionResult> OnPostCloseAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        try
        {
            await closer.CloseEarlyAsync(Decision, Membership!, clock.GetUtcNow());
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "Voting is closed and the outcome declared.";
        return Redirect($"/groups/{Group.Slug}/decisions/{Id}");
    }

    /// <summary>The proposer and coordinators may close voting early (the rulebook still decides whether it is allowed yet).</summary>
    public bool MayClose => Decision.Status == DecisionStatus.Open && (IsCoordinator || Decision.AuthorId == Me?.Id);

    public async Task<IActionResult> OnPostReportBackAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        if (string.IsNullOrWhiteSpace(Report))
        {
            ModelState.AddModelError(nameof(Report), "Write your report.");
            return await ShowAsync();
        }
        try
        {
            var (group, report) = await reportBack.PostAsync(Decision, Me!.Id, Report);
            TempData["Notice"] = "Your report is posted in your group.";
            return Redirect($"/groups/{group.Slug}/discussions/{report.Id}");
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
    }

    public async Task<IActionResult> OnPostGiveProxyAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        try
        {
            if (ProxyHolder is not { } holder) throw new DecisionRuleException("Choose the member who will carry your vote.");
            await proxies.GiveAsync(Decision, Membership!, holder);
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "Your vote is handed on. You can take it back, or vote yourself, until your proxy has voted.";
        return Redirect($"/groups/{Group.Slug}/decisions/{Id}");
    }

    public async Task<IActionResult> OnPostTakeBackProxyAsync()
    {
        var denied = await LoadDecisionAsync();
        if (denied is not null) return denied;
        try
        {
            await proxies.TakeBackAsync(Decision, Membership!);
        }
        catch (DecisionRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return await ShowAsync();
        }
        TempData["Notice"] = "Your vote is yours again.";
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
        // A post fills only the fields of its own form and ballot kind; the others report as missing or
        // unparsable ("The Ranks field is required."). Voting and Proxies check every rule and say what is wrong.
        ModelState.Clear();
        var decision = await Db.Decisions.FirstOrDefaultAsync(d => d.Id == Id && d.GroupId == Group.Id);
        if (decision is null) return NotFound();
        await closer.CloseIfDueAsync(decision, clock.GetUtcNow());
        Decision = decision;
        ClassRules = (await rulebooks.VersionAsync(Group.Id, decision.RulebookVersion))?.Class(decision.ClassKey)
            ?? throw new InvalidOperationException("A decision's rulebook class is gone.");
        Rules = ClassRules.ForRound(decision.Round);
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
            Counts = (await Db.SecretBallots.Where(b => b.DecisionId == Id).Select(b => new { b.Position, b.Weight }).ToListAsync())
                .GroupBy(b => b.Position).ToDictionary(g => g.Key, g => g.Sum(b => (long)b.Weight));
            Voters = await Db.VoterRoll.CountAsync(v => v.DecisionId == Id);
            if (ShowResults)
                SecretReasons = [.. (await Db.SecretBallots.Where(b => b.DecisionId == Id).Select(b => b.Reason).ToListAsync()).OfType<string>()];
        }
        else
        {
            Votes = await Db.OpenVotes.Where(v => v.DecisionId == Id).Include(v => v.User).Include(v => v.CastBy).OrderBy(v => v.CastAt).ToListAsync();
            MyVote = Votes.FirstOrDefault(v => v.UserId == userId);
            IVoted = MyVote is not null;
            Counts = Votes.GroupBy(v => v.Position).ToDictionary(g => g.Key, g => g.Sum(v => (long)v.Weight));
            Voters = Votes.Count;
        }
        if (Rules.MaxProxiesPerMember > 0 && Decision.Status == DecisionStatus.Open)
        {
            MyProxy = await proxies.GivenByAsync(Id, userId);
            HeldProxies = await proxies.HeldByAsync(Id, userId);
            if (!IVoted && MyProxy is null && HeldProxies.Count == 0)
                PossibleHolders = [.. (await Db.Memberships.Where(m => m.GroupId == Group.Id && m.UserId != null && m.UserId != userId)
                    .Select(m => new { m.UserId, m.User!.UserName }).OrderBy(m => m.UserName).Take(500).ToListAsync())
                    .Select(m => (m.UserId!.Value, m.UserName ?? ""))];
        }
        if (Decision is { Type: DecisionType.Proposal, Status: DecisionStatus.Closed, Result: Counting.Proposals.ProposalResult.Failed })
            NextRoundId = await Db.Decisions.Where(d => d.PreviousRoundId == Id).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        Position ??= MyVote?.Position;
        Federation = await Federations.FederationDecisionView.LoadAsync(Db, Decision, Group, userId);
        if (Decision.CountJson is { } json && Decision.Type == DecisionType.TimePoll)
            Times = System.Text.Json.JsonSerializer.Deserialize<Counting.TimePoll.TimePollResult>(json, Counting.Results.ResultJson.Options);
        else if (Decision.CountJson is { } countJson && Decision.Type != DecisionType.Proposal)
            Count = System.Text.Json.JsonSerializer.Deserialize<Counting.Results.CountResult>(countJson, Counting.Results.ResultJson.Options);
    }
}
