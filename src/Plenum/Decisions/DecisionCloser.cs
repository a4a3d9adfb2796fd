using Microsoft.EntityFrameworkCore;
using Plenum.Counting.Proposals;
using Plenum.Counting.Results;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Notifications;
using Plenum.Privacy;

namespace Plenum.Decisions;

/// <summary>
/// Closes decisions at their deadline and declares the outcome by the rule that governed them
/// (counted by <see cref="ProposalTally"/>): no person declares it. A passed decision enters the
/// register of agreements; a passed rulebook change adopts the new rulebook version.
/// </summary>
public sealed class DecisionCloser(PlenumDb db, Rulebooks rulebooks, Notifier notifier, Federations.FederationFollowUp followUp,
    DecisionUpdates updates, Assemblies.MeetingUpdates meetings, ILogger<DecisionCloser> logger) : IHousekeepingJob
{
    public Task RunAsync(PlenumDb _, DateTimeOffset now, CancellationToken cancellationToken) =>
        CloseDueAsync(db.Decisions, now, cancellationToken);

    /// <summary>Closes one group's decisions past their deadline, so a page never shows one as open (the job may not have run yet).</summary>
    public Task CloseDueInGroupAsync(Guid groupId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CloseDueAsync(db.Decisions.Where(d => d.GroupId == groupId), now, cancellationToken);

    async Task CloseDueAsync(IQueryable<Decision> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await decisions.Where(d => d.Status == DecisionStatus.Open && d.ClosesAt <= now).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            // One decision that cannot close must not keep the others open: it is logged and tried again next run.
            try
            {
                await CloseAsync(id, now, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                logger.LogError(failure, "Decision {DecisionId} could not be closed; it is tried again on the next run", id);
            }
        }
    }

    public async Task CloseIfDueAsync(Decision decision, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (decision.Status == DecisionStatus.Open && decision.ClosesAt <= now)
        {
            await CloseAsync(decision.Id, now, cancellationToken);
            await db.Entry(decision).ReloadAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Closes a decision before its deadline at the proposer's or a coordinator's request, only when
    /// the rulebook's shortest voting period is over (and, under lazy consensus, whose point is the
    /// wait, only once everyone has voted), or when every member has voted.
    /// </summary>
    public async Task CloseEarlyAsync(Decision decision, Membership actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (decision.Status != DecisionStatus.Open) throw new DecisionRuleException("This decision is closed already.");
        if (actor.Role != GroupRole.Coordinator && actor.UserId != decision.AuthorId)
            throw new DecisionRuleException("Only the proposer or a coordinator can close voting early.");
        var classRules = (await rulebooks.VersionAsync(decision.GroupId, decision.RulebookVersion, cancellationToken))?.Class(decision.ClassKey)
            ?? throw new InvalidOperationException("A decision's rulebook version is gone.");
        var rules = classRules.ForRound(decision.Round);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == decision.GroupId, cancellationToken);
        if (decision.Type == DecisionType.Proposal && group.Kind == GroupKind.Federation && rules.MemberVotes != FederationVoting.Delegates)
            throw new DecisionRuleException("This decision is counted from the member groups' own decisions, which run to their deadlines: it closes with them.");
        var everyoneVoted = await Voting.CountVotersAsync(db, decision, cancellationToken) >= await PeopleAsync(group, cancellationToken);
        // A vote among those present at a meeting ends when the facilitator closes it.
        var periodOver = (decision.MeetingId is not null && !rules.AbsentMembersVote)
            || (now - decision.OpenedAt >= TimeSpan.FromHours(rules.MinVotingHours) && !rules.LazyConsensus);
        if (!everyoneVoted && !periodOver)
            throw new DecisionRuleException(rules.LazyConsensus
                ? "Under lazy consensus voting runs to its deadline unless every member has voted."
                : $"Under the rulebook voting stays open at least {rules.MinVotingHours} hours unless every member has voted.");
        await CloseAsync(decision.Id, now, cancellationToken, early: true);
        await db.Entry(decision).ReloadAsync(cancellationToken);
    }

    /// <summary>Who may vote directly: the members who are people; in a federation, the member groups' delegates.</summary>
    Task<int> PeopleAsync(Group group, CancellationToken cancellationToken) => group.Kind == GroupKind.Federation
        ? db.Delegations.CountAsync(d => d.FederationId == group.Id && d.Until == null, cancellationToken)
        : db.Memberships.CountAsync(m => m.GroupId == group.Id && m.UserId != null, cancellationToken);

    async Task CloseAsync(Guid decisionId, DateTimeOffset now, CancellationToken cancellationToken, bool early = false)
    {
        // A federation counts its member groups' positions, so those close first (and theirs before them).
        var memberPositions = await db.FederationActions
            .Where(a => a.FederationDecisionId == decisionId && a.Purpose == Federations.FederationPurpose.GroupPosition)
            .Join(db.Decisions.Where(d => d.Status == DecisionStatus.Open), a => a.DecisionId, d => d.Id, (a, d) => d.Id).ToListAsync(cancellationToken);
        foreach (var position in memberPositions) await CloseAsync(position, now, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if ((await DecisionLock.AcquireAsync(db, decisionId, cancellationToken)).Status != DecisionStatus.Open) return;
        var decision = await db.Decisions.SingleAsync(d => d.Id == decisionId, cancellationToken);
        // A decision tracked earlier in this scope may be stale; the locked row is what counts.
        await db.Entry(decision).ReloadAsync(cancellationToken);
        if (early) decision.ClosesAt = now;
        var rulebook = await rulebooks.VersionAsync(decision.GroupId, decision.RulebookVersion, cancellationToken)
            ?? throw new InvalidOperationException("A decision's rulebook version is gone.");
        var classRules = rulebook.Class(decision.ClassKey) ?? throw new InvalidOperationException("A decision's class is gone from its rulebook.");
        var rules = classRules.ForRound(decision.Round);

        var ballots = await WeightedPosition.OfAsync(db, decision, cancellationToken);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == decision.GroupId, cancellationToken);
        var members = db.Memberships.Where(m => m.GroupId == decision.GroupId && m.UserId != null);
        // In a federation the people who vote directly are the member groups' delegates.
        long people = await PeopleAsync(group, cancellationToken);
        var eligible = rules.WeightedVotes ? await members.SumAsync(m => (long)m.VoteWeight, cancellationToken) : people;
        var positions = ballots.Select(b => b.Position).ToList();
        var ruleLine = $"Rule ({rules.Name}, rulebook version {rulebook.Version}): {rules.Describe()}.";
        if (rules != classRules)
            ruleLine = $"Round {decision.Round}: {classRules.Mode.ToString().ToLowerInvariant()} was not reached in {classRules.FallbackAfterRounds} round(s), so the rulebook's fallback applies. {ruleLine}";
        string agreed;
        var countedByGroups = decision.Type == DecisionType.Proposal && group.Kind == GroupKind.Federation && rules.MemberVotes != FederationVoting.Delegates;
        if (eligible == 0 && !countedByGroups)
        {
            // Say a federation whose delegates all stepped down: no one could vote, so nothing is decided.
            decision.Result = ProposalResult.NoQuorum;
            decision.OutcomeExplanation = $"{ruleLine}\nNobody was entitled to vote when voting closed: nothing was counted.";
            agreed = decision.Text;
        }
        else if (countedByGroups)
        {
            var outcome = await Federations.FederationCount.CountAsync(db, decision, rules, cancellationToken);
            decision.Result = outcome.Result;
            decision.CountJson = System.Text.Json.JsonSerializer.Serialize(outcome, ResultJson.Options);
            decision.OutcomeExplanation = string.Join('\n', [ruleLine, $"Counted by member groups ({(rules.MemberVotes == FederationVoting.DoubleMajority ? "double majority of groups and people" : "one vote per group")}), each deciding under its own rulebook.", .. outcome.Explanation]);
            agreed = decision.Text;
        }
        else if (decision.Type == DecisionType.Proposal)
        {
            var votes = new ProposalVotes(eligible, ballots.GroupBy(b => b.Position).ToDictionary(g => g.Key, g => g.Sum(b => (long)b.Weight)));
            var tallyRule = rules.ToProposalRule();
            var attendance = new List<string>();
            if (decision.MeetingId is { } meetingId && rules.QuorumOfPresent)
            {
                // Quorum from attendance: enough members checked in, however many of them voted.
                var present = await db.Attendances.CountAsync(a => a.MeetingId == meetingId, cancellationToken);
                // Attendance counts people, so the quorum does too, also where votes are weighted.
                var needed = rules.QuorumOf(people);
                attendance.Add($"{present} members present at the meeting; quorum of {needed} {(present >= needed ? "met" : "not met")}");
                votes = votes with { Present = present };
                tallyRule = tallyRule with { Quorum = null };
                // Short of attendance, the count stands only if as many voted anyway (absent members included, where they may vote).
                if (present < needed) tallyRule = tallyRule with { Quorum = Quorum.AtLeast(needed) };
            }
            var outcome = ProposalTally.Decide(tallyRule, votes);
            if (attendance.Count > 0) outcome = outcome with { Explanation = [outcome.Explanation[0], .. attendance, .. outcome.Explanation.Skip(1)] };
            decision.Result = outcome.Result;
            decision.OutcomeExplanation = string.Join('\n', [ruleLine, .. outcome.Explanation]);
            agreed = decision.Text;
        }
        else if (decision.Type is DecisionType.SenseCheck or DecisionType.QuestionRound or DecisionType.SignUp)
        {
            var counts = positions.GroupBy(p => p).ToDictionary(g => g.Key, g => g.LongCount());
            var summary = string.Join(", ", DecisionText.PositionsFor(decision, rules).Select(p => $"{counts.GetValueOrDefault(p)} {p}"));
            var goesAhead = counts.GetValueOrDefault(DecisionText.In) >= decision.Points;
            // Only a sign-up that reaches its target settles anything; a sense check or question round binds no one.
            decision.Result = decision.Type == DecisionType.SignUp ? (goesAhead ? ProposalResult.Passed : ProposalResult.Failed) : null;
            decision.OutcomeExplanation = string.Join('\n', new[]
            {
                $"{positions.Count} of {people} eligible took part: {summary}.",
                decision.Type switch
                {
                    DecisionType.SignUp => goesAhead ? $"The target of {decision.Points} is reached: it goes ahead." : $"The target of {decision.Points} is not reached.",
                    DecisionType.SenseCheck => "A sense check binds no one and enters no register.",
                    _ => "The answers are below.",
                },
            });
            agreed = $"{decision.Text}\n\n{counts.GetValueOrDefault(DecisionText.In)} people signed up.";
        }
        else if (decision.Type == DecisionType.TimePoll)
        {
            var poll = Counting.TimePoll.TimePollTally.Run(MeetingTimes.Slots(decision), [.. positions.Select(MeetingTimes.Read)]);
            decision.CountJson = System.Text.Json.JsonSerializer.Serialize(poll, ResultJson.Options);
            var best = poll.Best is { Available: > 0 } found ? found : null;
            decision.Result = best is null ? ProposalResult.Failed : ProposalResult.Passed;
            decision.OutcomeExplanation = string.Join('\n', new[]
            {
                $"{positions.Count} of {people} eligible answered.",
                best is null ? "No time suits anyone." : $"Best time: {best.Slot.Label} ({decision.TimeZone}): {best.Yes} yes, {best.IfNeedBe} if need be, {best.No} no.",
                $"Rule: {Counting.TimePoll.TimePollTally.Rule}.",
            });
            agreed = best is null ? decision.Text : $"{decision.Text}\n\nWe meet on {best.Slot.Label} ({decision.TimeZone}).";
        }
        else
        {
            var quorum = rules.QuorumOf(eligible);
            var cast = ballots.Sum(b => (long)b.Weight);
            var count = cast >= quorum && cast > 0 ? ChoiceCounting.Count(decision, rules, ballots) : null;
            decision.CountJson = count is null ? null : ResultJson.Serialize(count);
            decision.Result = count is null ? (cast < quorum ? ProposalResult.NoQuorum : ProposalResult.Failed)
                : count.Winners.Count > 0 ? ProposalResult.Passed : ProposalResult.Failed;
            var chosen = count is null ? "" : string.Join(", ", count.Winners);
            decision.OutcomeExplanation = string.Join('\n', new[]
            {
                ruleLine,
                $"{cast} of {eligible} eligible {(rules.WeightedVotes ? "votes (weighted)" : "voted")}{(quorum > 0 ? $"; quorum {quorum} {(cast >= quorum ? "met" : "not met")}" : "")}.",
                count is null ? "Nothing was counted." : $"Counted by {count.Method}{(count.Rounds.Count > 0 ? $" in {count.Rounds.Count} round(s)" : "")}: {(chosen.Length > 0 ? chosen : "no winner")}.",
            });
            agreed = $"{decision.Text}\n\nChosen: {chosen}";
        }
        decision.Status = DecisionStatus.Closed;
        decision.ClosedAt = now;
        // Earlier positions matter only while minds can change; once closed, only the final vote is kept.
        await db.OpenVotes.Where(v => v.DecisionId == decisionId && v.History != null)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.History, (string?)null), cancellationToken);
        decision.EligibleAtClose = (int)Math.Min(eligible, int.MaxValue);
        if (decision.Result == ProposalResult.Passed)
        {
            db.Agreements.Add(new Agreement
            {
                Id = Guid.NewGuid(), GroupId = decision.GroupId, DecisionId = decision.Id, Title = decision.Title, Text = agreed,
                Status = AgreementStatus.InForce, AdoptedAt = now, ReviewOn = decision.ReviewAfterMonths > 0 ? DateOnly.FromDateTime(now.UtcDateTime.AddMonths(decision.ReviewAfterMonths)) : null,
                ExpiresOn = decision.ValidUntil,
                ReplacesId = decision.ReplacesAgreementId,
            });
            if (decision.ReplacesAgreementId is { } replaced)
                await db.Agreements.Where(a => a.Id == replaced && a.GroupId == decision.GroupId)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AgreementStatus.Superseded), cancellationToken);
            if (decision.ProposedClassesJson is not null || decision.ProposedRulebookTemplate is not null)
            {
                var current = await rulebooks.CurrentAsync(decision.GroupId, cancellationToken);
                var version = (current?.Version ?? 0) + 1;
                // Rulebook changes open one at a time (DecisionOpening), so the current version is the one this was drafted on.
                if (decision.ProposedClassesJson is { } amended) rulebooks.AddAmended(decision.GroupId, current?.TemplateName, amended, version);
                else rulebooks.Add(decision.GroupId, decision.ProposedRulebookTemplate!, version);
            }
        }
        if (decision.Result == ProposalResult.Passed) await followUp.ApplyAsync(decision, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        updates.Closed(decisionId);
        if (decision.MeetingId is { } heldAt) meetings.Changed(heldAt);
        await notifier.DecisionClosedAsync(decision, cancellationToken);
        if (decision.Result == ProposalResult.Passed) await followUp.AfterCloseAsync(decision, cancellationToken);
    }
}

