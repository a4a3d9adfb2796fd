using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Notifications;

namespace Plenum.Decisions;

/// <summary>What a member asks to put to the group.</summary>
public sealed record DecisionDraft(string ClassKey, string Title, string Text, DateTimeOffset ClosesAt, bool Secret, string? ProposedRulebookTemplate)
{
    public DecisionType Type { get; init; } = DecisionType.Proposal;
    /// <summary>Options or candidates, for every type but a proposal.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
    public int Seats { get; init; } = 1;
    public int MaxChoices { get; init; } = 1;
    /// <summary>The discussion it grew out of, and when that discussion was opened.</summary>
    public Guid? DiscussionId { get; init; }
    /// <summary>For a time poll: the IANA time zone of its times (UTC when not given).</summary>
    public string? TimeZone { get; init; }
    public DateTimeOffset? DiscussionOpenedAt { get; init; }
    /// <summary>Score: the highest score; dot vote: dots per voter.</summary>
    public int Points { get; init; } = 5;
    /// <summary>An agreement in force that this decision would replace.</summary>
    public Guid? ReplacesAgreementId { get; init; }
    /// <summary>For a rulebook amendment: the whole set of classes the group would adopt.</summary>
    public IReadOnlyList<DecisionClass>? ProposedClasses { get; init; }
    /// <summary>Months until the agreement comes up for review (0 for none).</summary>
    public int ReviewAfterMonths { get; init; } = 12;
    /// <summary>The last day the agreement holds, if it is meant to lapse.</summary>
    public DateOnly? ValidUntil { get; init; }
    /// <summary>The failed proposal this one tries again, as its next round.</summary>
    public Guid? PreviousRoundId { get; init; }
    /// <summary>
    /// Keep voting open this many hours from the moment it opens, held within the class's shortest and
    /// longest period (0: the shortest), instead of until <see cref="ClosesAt"/>. For drafts made by
    /// Plenum or a meeting, whose deadline must follow the rulebook whatever the clock reads by then.
    /// </summary>
    public int? OpenForHours { get; init; }
    /// <summary>The meeting where it is put to a live vote.</summary>
    public Guid? MeetingId { get; init; }
    /// <summary>Federation business this decision settles for its group (delegates, a mandate, a recall, an escalation).</summary>
    public Federations.FederationAction? FederationAction { get; init; }
}

/// <summary>Opens a decision only if the class's rules allow it, and says which rule refuses it otherwise.</summary>
public sealed class DecisionOpening(PlenumDb db, Rulebooks rulebooks, TimeProvider clock, Notifier notifier)
{
    public async Task<Decision> OpenAsync(Group group, Membership proposer, DecisionDraft draft, CancellationToken cancellationToken = default)
    {
        var rulebook = await rulebooks.CurrentAsync(group.Id, cancellationToken)
            ?? throw new DecisionRuleException("This group has no rulebook yet: a coordinator chooses one first.");
        var decisionClass = rulebook.Class(draft.ClassKey)
            ?? throw new DecisionRuleException("Choose one of the decision classes of the group's rulebook.");
        var now = clock.GetUtcNow();
        if (draft.OpenForHours is { } openFor)
            draft = draft with { ClosesAt = now.AddHours(Math.Clamp(openFor, decisionClass.MinVotingHours, Math.Max(decisionClass.MinVotingHours, decisionClass.MaxVotingHours))) };
        var round = 1;
        if (draft.PreviousRoundId is { } previousId)
        {
            var previous = await db.Decisions.FirstOrDefaultAsync(d => d.Id == previousId && d.GroupId == group.Id, cancellationToken);
            if (previous is not { Type: DecisionType.Proposal, Status: DecisionStatus.Closed, Result: Counting.Proposals.ProposalResult.Failed } || previous.ClassKey != decisionClass.Key)
                throw new DecisionRuleException("A next round follows a proposal of the same class that failed.");
            if (await db.Decisions.AnyAsync(d => d.PreviousRoundId == previousId, cancellationToken))
                throw new DecisionRuleException("That proposal has its next round already.");
            round = previous.Round + 1;
        }
        // Each amendment rewrites the rulebook it was drafted on, so they are decided one at a time.
        if ((draft.ProposedClasses is not null || draft.ProposedRulebookTemplate is not null)
            && await db.Decisions.AnyAsync(d => d.GroupId == group.Id && d.Status == DecisionStatus.Open
                && (d.ProposedClassesJson != null || d.ProposedRulebookTemplate != null), cancellationToken))
            throw new DecisionRuleException("Another rulebook change is being decided. Propose yours once it closes, on the rulebook it leaves.");
        if (draft.ReplacesAgreementId is { } replaced
            && !await db.Agreements.AnyAsync(a => a.Id == replaced && a.GroupId == group.Id
                && (a.Status == AgreementStatus.InForce || a.Status == AgreementStatus.UnderReview), cancellationToken))
            throw new DecisionRuleException("Only an agreement of this group that is still in force can be replaced.");
        // Every broken rule at once, so the proposer can fix them all in one go.
        var refusals = Refusals(group, decisionClass, proposer, draft, now).ToList();
        if (refusals.Count > 0) throw new DecisionRuleException(string.Join(" ", refusals));
        var decision = new Decision
        {
            Id = Guid.NewGuid(), GroupId = group.Id, AuthorId = proposer.UserId, ClassKey = decisionClass.Key,
            RulebookVersion = rulebook.Version, Title = draft.Title.Trim(), Text = draft.Text.Trim(), Secret = draft.Secret,
            ProposedRulebookTemplate = draft.ProposedRulebookTemplate, OpenedAt = now, ClosesAt = draft.ClosesAt, Status = DecisionStatus.Open,
            Type = draft.Type, Options = DecisionText.IsByPosition(draft.Type) ? null : string.Join('\n', draft.Options.Select(o => o.Trim())),
            Seats = draft.Seats, MaxChoices = draft.MaxChoices, DiscussionId = draft.DiscussionId,
            TimeZone = draft.Type == DecisionType.TimePoll ? draft.TimeZone ?? "UTC" : null,
            Points = draft.Points,
            ReplacesAgreementId = draft.ReplacesAgreementId,
            ProposedClassesJson = draft.ProposedClasses is { } classes ? Rulebook.Serialize(classes) : null,
            Round = round,
            MeetingId = draft.MeetingId,
            ReviewAfterMonths = draft.ReviewAfterMonths,
            ValidUntil = draft.ValidUntil,
            PreviousRoundId = draft.PreviousRoundId,
        };
        db.Decisions.Add(decision);
        if (draft.FederationAction is { } action)
        {
            action.DecisionId = decision.Id;
            db.FederationActions.Add(action);
        }
        var positions = await OpenMemberPositionsAsync(group, decisionClass, decision, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (draft.PreviousRoundId is not null)
        {
            throw new DecisionRuleException("That proposal has its next round already.");
        }
        await notifier.DecisionOpenedAsync(decision, cancellationToken);
        foreach (var position in positions) await notifier.DecisionOpenedAsync(position, cancellationToken);
        return decision;
    }

    /// <summary>
    /// For a federation proposal counted by member groups: opens in every member group that has a
    /// rulebook a proposal for the group's own position, under the class of the same name (or its
    /// general class) and closing with the federation's. Recurses into member federations.
    /// Saved with the federation's decision; returns the decisions opened.
    /// </summary>
    async Task<List<Decision>> OpenMemberPositionsAsync(Group federation, DecisionClass rules, Decision federationDecision, CancellationToken cancellationToken, HashSet<Guid>? above = null)
    {
        if (federation.Kind != GroupKind.Federation || federationDecision.Type != DecisionType.Proposal || rules.MemberVotes == FederationVoting.Delegates) return [];
        // Federations refuse loops when accepting members; this guards against any left in the data.
        above ??= [];
        if (!above.Add(federation.Id)) return [];
        var opened = new List<Decision>();
        var members = await db.Memberships.Where(m => m.GroupId == federation.Id && m.MemberGroupId != null).Select(m => m.MemberGroup!).ToListAsync(cancellationToken);
        foreach (var member in members.Where(m => !m.IsArchived))
        {
            if (await rulebooks.CurrentAsync(member.Id, cancellationToken) is not { } rulebook) continue;
            var memberClass = rulebook.Class(rules.Key) ?? rulebook.Class("general") ?? rulebook.Classes[0];
            var position = new Decision
            {
                Id = Guid.NewGuid(), GroupId = member.Id, ClassKey = memberClass.Key, RulebookVersion = rulebook.Version, Type = DecisionType.Proposal,
                Title = DecisionText.ShortTitle($"Our position for {federation.Name}: {federationDecision.Title}"),
                Text = federationDecision.Text, Secret = memberClass.SecretBallot == SecretBallotRule.Required,
                OpenedAt = federationDecision.OpenedAt, ClosesAt = federationDecision.ClosesAt, Status = DecisionStatus.Open,
            };
            db.Decisions.Add(position);
            db.FederationActions.Add(new Federations.FederationAction
            {
                DecisionId = position.Id, Purpose = Federations.FederationPurpose.GroupPosition, FederationId = federation.Id, FederationDecisionId = federationDecision.Id,
            });
            opened.Add(position);
            opened.AddRange(await OpenMemberPositionsAsync(member, memberClass, position, cancellationToken, [.. above]));
        }
        return opened;
    }

    /// <summary>Every rule of the class the draft breaks, in plain words (empty when it may open).</summary>
    public static IEnumerable<string> Refusals(Group group, DecisionClass rules, Membership proposer, DecisionDraft draft, DateTimeOffset now)
    {
        if (group.IsArchived) yield return "The group is archived.";
        if (draft.Title.Trim().Length is < 3 or > 200) yield return "The title needs 3 to 200 characters.";
        if (draft.Text.Trim().Length is < 1 or > 20_000) yield return "Write what is proposed (up to 20,000 characters).";
        if (now - proposer.JoinedAt < TimeSpan.FromDays(rules.ProposerMinDays))
            yield return $"Under the rulebook, only people who have been members for {rules.ProposerMinDays} days may propose a {rules.Name.ToLowerInvariant()} decision.";
        if (rules.MinDiscussionHours > 0 && (draft.DiscussionOpenedAt is not { } opened || now - opened < TimeSpan.FromHours(rules.MinDiscussionHours)))
            yield return $"Under the rulebook, a {rules.Name.ToLowerInvariant()} proposal comes from a discussion that has been open at least {rules.MinDiscussionHours} hours.";
        var hours = (draft.ClosesAt - now).TotalHours;
        if (hours < rules.MinVotingHours) yield return $"Voting must stay open at least {rules.MinVotingHours} hours under the rulebook.";
        if (hours > rules.MaxVotingHours) yield return $"Voting may stay open at most {rules.MaxVotingHours / 24} days under the rulebook.";
        if (!rules.Allows(draft.Type)) yield return $"Under the rulebook, {rules.Name.ToLowerInvariant()} decisions cannot be a {DecisionText.Type(draft.Type).ToLowerInvariant()}.";
        if (draft.Type == DecisionType.SignUp && draft.Points is < 1 or > 10_000) yield return "A sign-up needs a target of 1 to 10,000 people.";
        if (!DecisionText.IsByPosition(draft.Type))
        {
            var options = draft.Options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
            if (options.Count < 2) yield return "Give at least two options, one per line.";
            if (options.Count > 100 || options.Any(o => o.Length > 200)) yield return "Give at most 100 options of up to 200 characters.";
            if (options.Distinct().Count() != options.Count) yield return "Each option must be different.";
            if (draft.Type == DecisionType.Election && (draft.Seats < 1 || draft.Seats >= options.Count)) yield return "An election fills at least one seat and fewer seats than there are candidates.";
            if (draft.Type == DecisionType.Poll && (draft.MaxChoices < 1 || draft.MaxChoices > options.Count)) yield return "A voter chooses at least one option and at most all of them.";
            if (draft.Type is DecisionType.Score or DecisionType.DotVote && draft.Points is < 1 or > 100)
                yield return "Give between 1 and 100 points (the highest score, or the dots each voter spreads).";
            if (draft.Type == DecisionType.TimePoll)
            {
                if (!MeetingTimes.IsKnownZone(draft.TimeZone)) yield return "Give a time zone such as Europe/Berlin or America/Mexico_City.";
                else if (options.Any(o => !MeetingTimes.TryParse(o, MeetingTimes.Zone(draft.TimeZone), out _)))
                    yield return $"Write each time as {MeetingTimes.Format}, for example 2026-12-03 18:30.";
            }
        }
        if (draft.Secret && rules.SecretBallot == SecretBallotRule.Forbidden) yield return "The rulebook forbids secret ballots for this class.";
        if (!draft.Secret && rules.SecretBallot == SecretBallotRule.Required) yield return "The rulebook requires a secret ballot for this class.";
        if (rules.Key == "rulebook" && draft.ProposedClasses is null && RulebookTemplates.Find(draft.ProposedRulebookTemplate ?? "") is null)
            yield return "A rulebook change proposes one of the rulebook templates, or amended classes.";
        if (rules.Key != "rulebook" && (draft.ProposedRulebookTemplate is not null || draft.ProposedClasses is not null))
            yield return "Only a decision of class \"Rulebook change\" can change the rulebook.";
        if (draft.ProposedClasses is { } classes) foreach (var problem in RulebookAmendment.Problems(classes)) yield return problem;
        if (draft.ReviewAfterMonths is < 0 or > 120) yield return "A review comes 1 to 120 months after adoption, or 0 for none.";
        if (draft.ValidUntil is { } until && until.ToDateTime(TimeOnly.MaxValue) <= draft.ClosesAt.UtcDateTime)
            yield return "An agreement that lapses must hold beyond the day voting closes.";
        if (draft.PreviousRoundId is not null && draft.Type != DecisionType.Proposal) yield return "Only a proposal has rounds.";
    }
}
