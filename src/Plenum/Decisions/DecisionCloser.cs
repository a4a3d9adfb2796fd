using Microsoft.EntityFrameworkCore;
using Plenum.Counting.Proposals;
using Plenum.Counting.Results;
using Plenum.Data;
using Plenum.Notifications;
using Plenum.Privacy;

namespace Plenum.Decisions;

/// <summary>
/// Closes decisions at their deadline and declares the outcome by the rule that governed them
/// (counted by <see cref="ProposalTally"/>): no person declares it. A passed decision enters the
/// register of agreements; a passed rulebook change adopts the new rulebook version.
/// </summary>
public sealed class DecisionCloser(PlenumDb db, Rulebooks rulebooks, Notifier notifier, DecisionUpdates updates) : IHousekeepingJob
{
    public Task RunAsync(PlenumDb _, DateTimeOffset now, CancellationToken cancellationToken) =>
        CloseDueAsync(db.Decisions, now, cancellationToken);

    /// <summary>Closes one group's decisions past their deadline, so a page never shows one as open (the job may not have run yet).</summary>
    public Task CloseDueInGroupAsync(Guid groupId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CloseDueAsync(db.Decisions.Where(d => d.GroupId == groupId), now, cancellationToken);

    async Task CloseDueAsync(IQueryable<Decision> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await decisions.Where(d => d.Status == DecisionStatus.Open && d.ClosesAt <= now).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in due) await CloseAsync(id, now, cancellationToken);
    }

    public async Task CloseIfDueAsync(Decision decision, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (decision.Status == DecisionStatus.Open && decision.ClosesAt <= now)
        {
            await CloseAsync(decision.Id, now, cancellationToken);
            await db.Entry(decision).ReloadAsync(cancellationToken);
        }
    }

    async Task CloseAsync(Guid decisionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decision = await db.Decisions.SingleAsync(d => d.Id == decisionId, cancellationToken);
        if (decision.Status != DecisionStatus.Open) return;
        var rulebook = await rulebooks.VersionAsync(decision.GroupId, decision.RulebookVersion, cancellationToken)
            ?? throw new InvalidOperationException("A decision's rulebook version is gone.");
        var rules = rulebook.Class(decision.ClassKey) ?? throw new InvalidOperationException("A decision's class is gone from its rulebook.");

        var positions = decision.Secret
            ? await db.SecretBallots.Where(b => b.DecisionId == decisionId).Select(b => b.Position).ToListAsync(cancellationToken)
            : await db.OpenVotes.Where(v => v.DecisionId == decisionId).Select(v => v.Position).ToListAsync(cancellationToken);
        var eligible = await db.Memberships.CountAsync(m => m.GroupId == decision.GroupId && m.UserId != null, cancellationToken);
        var ruleLine = $"Rule ({rules.Name}, rulebook version {rulebook.Version}): {rules.Describe()}.";
        string agreed;
        if (decision.Type == DecisionType.Proposal)
        {
            var outcome = ProposalTally.Decide(rules.ToProposalRule(),
                new ProposalVotes(eligible, positions.GroupBy(p => p).ToDictionary(g => g.Key, g => g.LongCount())));
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
                $"{positions.Count} of {eligible} eligible took part: {summary}.",
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
                $"{positions.Count} of {eligible} eligible answered.",
                best is null ? "No time suits anyone." : $"Best time: {best.Slot.Label} ({decision.TimeZone}): {best.Yes} yes, {best.IfNeedBe} if need be, {best.No} no.",
                $"Rule: {Counting.TimePoll.TimePollTally.Rule}.",
            });
            agreed = best is null ? decision.Text : $"{decision.Text}\n\nWe meet on {best.Slot.Label} ({decision.TimeZone}).";
        }
        else
        {
            var quorum = rules.QuorumOf(eligible);
            var count = positions.Count >= quorum && positions.Count > 0 ? ChoiceCounting.Count(decision, rules, positions) : null;
            decision.CountJson = count is null ? null : ResultJson.Serialize(count);
            decision.Result = count is null ? (positions.Count < quorum ? ProposalResult.NoQuorum : ProposalResult.Failed)
                : count.Winners.Count > 0 ? ProposalResult.Passed : ProposalResult.Failed;
            var chosen = count is null ? "" : string.Join(", ", count.Winners);
            decision.OutcomeExplanation = string.Join('\n', new[]
            {
                ruleLine,
                $"{positions.Count} of {eligible} eligible voted{(quorum > 0 ? $"; quorum {quorum} {(positions.Count >= quorum ? "met" : "not met")}" : "")}.",
                count is null ? "Nothing was counted." : $"Counted by {count.Method} in {Math.Max(1, count.Rounds.Count)} round(s): {(chosen.Length > 0 ? chosen : "no winner")}.",
            });
            agreed = $"{decision.Text}\n\nChosen: {chosen}";
        }
        decision.Status = DecisionStatus.Closed;
        decision.ClosedAt = now;
        // Earlier positions matter only while minds can change; once closed, only the final vote is kept.
        await db.OpenVotes.Where(v => v.DecisionId == decisionId && v.History != null)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.History, (string?)null), cancellationToken);
        decision.EligibleAtClose = eligible;
        if (decision.Result == ProposalResult.Passed)
        {
            db.Agreements.Add(new Agreement
            {
                Id = Guid.NewGuid(), GroupId = decision.GroupId, DecisionId = decision.Id, Title = decision.Title, Text = agreed,
                Status = AgreementStatus.InForce, AdoptedAt = now, ReviewOn = DateOnly.FromDateTime(now.UtcDateTime.AddYears(1)),
                ReplacesId = decision.ReplacesAgreementId,
            });
            if (decision.ReplacesAgreementId is { } replaced)
                await db.Agreements.Where(a => a.Id == replaced && a.GroupId == decision.GroupId)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AgreementStatus.Superseded), cancellationToken);
            if (decision.ProposedRulebookTemplate is { } template)
            {
                var current = await rulebooks.CurrentAsync(decision.GroupId, cancellationToken);
                rulebooks.Add(decision.GroupId, template, (current?.Version ?? 0) + 1);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        updates.Closed(decisionId);
        await notifier.DecisionClosedAsync(decision, cancellationToken);
    }
}
